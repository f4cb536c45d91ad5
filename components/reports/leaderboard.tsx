"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { Metrics, MetricKey } from "@/lib/reports/build-report";
import { drillMetrics, type DrillMetric } from "@/lib/reports/drill-down-metrics";

/** `drill`: the report's query narrowed to this row (its person or group), or null when its numbers open nothing. */
export type LeaderboardRow = {
  key: string;
  name: string;
  note?: string;
  groups: string;
  metrics: Metrics;
  drill: string | null;
};
type Column = MetricKey | "winRate";
const columns: Column[] = [
  "created",
  "statusChanges",
  "won",
  "wonValue",
  "lost",
  "lostValue",
  "winRate",
  "todosOnTime",
  "todosLate",
  "overdueAtEnd",
  "emailsByHand",
  "emailsByAutomation",
  "automationSteps",
];
const money = new Set<Column>(["wonValue", "lostValue"]);
/** The money columns drill into the won and lost cards. */
const drillOf = (c: Column): DrillMetric | null =>
  c === "wonValue" ? "won" : c === "lostValue" ? "lost" : (drillMetrics as readonly string[]).includes(c) ? (c as DrillMetric) : null;

const winRate = (m: Metrics) => (m.won + m.lost ? m.won / (m.won + m.lost) : null);
const valueOf = (m: Metrics, c: Column) => (c === "winRate" ? winRate(m) : m[c]);

/**
 * Every salesperson in the same columns (SPEC §12), sortable from the headings, each number a link to
 * the cards behind it. `totals` rows (the whole report, each group) stay under the people.
 */
export function Leaderboard({
  caption,
  nameHeading,
  rows,
  totals = [],
  currency,
}: {
  caption: string;
  nameHeading: string;
  rows: LeaderboardRow[];
  totals?: LeaderboardRow[];
  currency: string;
}) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const [sort, setSort] = useState<{
    column: Column | "name";
    descending: boolean;
  }>({ column: "won", descending: true });
  const sorted = [...rows].sort((a, b) => {
    const order =
      sort.column === "name"
        ? a.name.localeCompare(b.name)
        : (valueOf(a.metrics, sort.column) ?? -1) - (valueOf(b.metrics, sort.column) ?? -1) || a.name.localeCompare(b.name);
    return sort.descending ? -order : order;
  });
  const show = (m: Metrics, c: Column) => {
    const v = valueOf(m, c);
    if (v === null) return "–";
    if (c === "winRate") return format.number(v, { style: "percent", maximumFractionDigits: 0 });
    return money.has(c)
      ? format.number(v, {
          style: "currency",
          currency,
          maximumFractionDigits: 0,
        })
      : format.number(v);
  };
  const heading = (column: Column | "name", label: string) => {
    const active = sort.column === column;
    return (
      <th
        key={column}
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className={column === "name" ? "sticky left-0 z-10 print:static bg-slate-50 px-3 py-2 text-left print:px-1" : "px-3 py-2 text-right print:px-1"}
      >
        <button
          type="button"
          onClick={() =>
            setSort({
              column,
              descending: active ? !sort.descending : column !== "name",
            })
          }
          className="inline-flex items-center gap-1 rounded font-medium hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
          aria-label={t("sortBy", { column: label })}
        >
          {label}
          <span aria-hidden className="text-slate-400 print:hidden">
            {active ? (sort.descending ? "▼" : "▲") : "↕"}
          </span>
        </button>
      </th>
    );
  };
  const cell = (row: LeaderboardRow, c: Column, strong = false) => {
    const drill = drillOf(c);
    const text = show(row.metrics, c);
    const href = drill && row.drill !== null && valueOf(row.metrics, c) ? `/reports/cards?${row.drill}&metric=${drill}` : null;
    return (
      <td key={c} className={`px-3 py-2 text-right tabular-nums print:px-1 ${strong ? "font-semibold" : ""}`}>
        {href ? (
          <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
            {text}
          </Link>
        ) : (
          text
        )}
      </td>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none">
      <table className="w-full min-w-max text-sm print:min-w-0 print:text-[7pt]">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 print:text-[7pt]">
          <tr>
            {heading("name", nameHeading)}
            {columns.map((c) => heading(c, t(`metrics.${c}`)))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((row) => (
            <tr key={row.key} className="hover:bg-slate-50">
              <th scope="row" className="sticky left-0 z-10 print:static bg-white px-3 py-2 text-left font-medium text-slate-900 print:px-1">
                {row.name}
                {row.note && <span className="ml-1 text-xs font-normal text-slate-600">({row.note})</span>}
                {row.groups && <span className="block text-xs font-normal text-slate-600 print:text-[7pt]">{row.groups}</span>}
              </th>
              {columns.map((c) => cell(row, c))}
            </tr>
          ))}
        </tbody>
        {totals.length > 0 && (
          <tfoot className="border-t-2 border-slate-200 bg-slate-50">
            {totals.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="sticky left-0 z-10 print:static bg-slate-50 px-3 py-2 text-left font-semibold text-slate-900 print:px-1">
                  {row.name}
                  {row.groups && <span className="block text-xs font-normal text-slate-600 print:text-[7pt]">{row.groups}</span>}
                </th>
                {columns.map((c) => cell(row, c, true))}
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}
