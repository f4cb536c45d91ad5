import { Card } from "@/components/ui/card";

/** One kind of trashed thing: a table with a Restore button per row, or a line saying there is none. */
export function TrashSection({
  id,
  title,
  empty,
  columns,
  actionsLabel,
  rows,
  pager,
}: {
  id: string;
  title: string;
  empty: string;
  columns: string[];
  actionsLabel: string;
  rows: { key: string; cells: React.ReactNode[]; action: React.ReactNode }[];
  pager: React.ReactNode;
}) {
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <Card className="overflow-hidden">
      <section aria-labelledby={id}>
        <h2 id={id} className="border-b border-slate-100 px-4 py-3 text-base font-semibold">
          {title}
        </h2>
        {rows.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">{empty}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  {columns.map((c) => (
                    <th key={c} className={th}>
                      {c}
                    </th>
                  ))}
                  <th className={th}>
                    <span className="sr-only">{actionsLabel}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, i) => (
                      <td key={i} className="px-4 py-2.5">
                        {cell}
                      </td>
                    ))}
                    <td className="px-4 py-2 text-right">{row.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pager}
      </section>
    </Card>
  );
}
