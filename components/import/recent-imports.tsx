import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { ImportState } from "@/db/schema";
import type { ImportSummary } from "@/lib/import/list-imports";

const tones: Record<ImportState, "slate" | "green" | "red" | "amber" | "brand"> = { draft: "slate", queued: "amber", running: "brand", done: "green", failed: "red", undone: "slate" };

/** The recent imports of a module (or of contacts), newest first, each opening its wizard or report. */
export async function RecentImports({ imports, basePath, timeZone }: { imports: ImportSummary[]; basePath: string; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("imports"), getFormatter()]);
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase";
  return (
    <section aria-labelledby="recent-imports-heading" className="mt-8">
      <h2 id="recent-imports-heading" className="mb-3 text-lg font-semibold text-slate-900">
        {t("recent.heading")}
      </h2>
      <Card className="overflow-hidden">
        {imports.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{t("recent.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-100 bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("recent.file")}
                  </th>
                  <th scope="col" className={th}>
                    {t("recent.state")}
                  </th>
                  <th scope="col" className={`${th} hidden md:table-cell`}>
                    {t("recent.result")}
                  </th>
                  <th scope="col" className={`${th} hidden sm:table-cell`}>
                    {t("recent.when")}
                  </th>
                  <th scope="col" className={`${th} hidden lg:table-cell`}>
                    {t("recent.by")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {imports.map((i) => (
                  <tr key={i.id}>
                    <td className="max-w-[12rem] px-4 py-2.5 break-all sm:max-w-xs">
                      <Link href={`${basePath}/${i.id}`} className="font-medium text-brand-700 hover:underline">
                        {i.fileName}
                      </Link>
                    </td>
                    <td className="px-4 py-2.5">
                      <Badge tone={tones[i.state]}>{t(`states.${i.state}`)}</Badge>
                    </td>
                    <td className="hidden px-4 py-2.5 text-slate-700 md:table-cell">{i.state === "draft" ? "–" : t("recent.resultSummary", i.totals)}</td>
                    <td className="hidden px-4 py-2.5 whitespace-nowrap text-slate-600 sm:table-cell">{format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</td>
                    <td className="hidden px-4 py-2.5 text-slate-600 lg:table-cell">{i.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </section>
  );
}
