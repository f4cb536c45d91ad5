"use client";

import { useTranslations } from "next-intl";
import type { ImportReason } from "@/lib/import/types";
import { useReasonText } from "./use-import-text";

/** Rows with their translated reasons, as a real table. */
export function BadRowsTable({ rows }: { rows: { rowNumber: number; reason: ImportReason | null }[] }) {
  const t = useTranslations("imports.report");
  const tPreview = useTranslations("imports.preview");
  const reasonText = useReasonText();
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="w-20 px-3 py-2 text-left text-xs font-semibold text-slate-600">
              {tPreview("rowNumber")}
            </th>
            <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-600">
              {t("reason")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.rowNumber}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700 tabular-nums">
                {r.rowNumber}
              </th>
              <td className="px-3 py-1.5 break-words text-slate-800">{reasonText(r.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
