"use client";

import { useTranslations } from "next-intl";
import type { ImportTotals } from "@/db/schema";

/** Rows, created, updated, skipped and bad rows as a definition list. */
export function TotalsList({ totals }: { totals: ImportTotals }) {
  const t = useTranslations("imports.totals");
  const items = (["rows", "created", "updated", "skipped", "bad"] as const).map((key) => ({ key, value: totals[key] }));
  return (
    <dl aria-label={t("label")} className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(({ key, value }) => (
        <div key={key} className={`rounded-md border px-3 py-2 ${key === "bad" && value > 0 ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`}>
          <dt className="text-xs font-medium text-slate-600">{t(key)}</dt>
          <dd className="text-xl font-semibold text-slate-900 tabular-nums" data-total={key}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
