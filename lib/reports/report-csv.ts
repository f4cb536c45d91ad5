import { csvLine, utf8Bom, type CsvSeparator } from "@/lib/csv/neutralise-cell";
import { metricKeys, type Metrics, type Report } from "./build-report";

export const reportTables = ["leaderboard", "groups", "modules", "funnel", "trend"] as const;
export type ReportTable = (typeof reportTables)[number];

/** Column headings in the reader's language (the page's own labels). */
export type CsvLabels = {
  metric: (key: (typeof metricKeys)[number]) => string;
  heading: (key: string) => string;
};

/** A number as a spreadsheet reads it: two decimals at most, with a decimal comma beside ";" (Hungarian Excel). */
function cell(value: number | null, separator: CsvSeparator): string {
  if (value === null) return "";
  const text = String(Math.round(value * 100) / 100);
  return separator === ";" ? text.replace(".", ",") : text;
}

/** One of the report's tables as CSV (UTF-8 with a BOM): the very numbers the page and its charts show. */
export function reportCsv(report: Report, table: ReportTable, separator: CsvSeparator, labels: CsvLabels): string {
  const line = (values: (string | number | null)[]) =>
    csvLine(
      values.map((v) => (typeof v === "number" ? cell(v, separator) : v)),
      separator,
    );
  const metrics = (m: Metrics) => metricKeys.map((k) => m[k]);
  const groupNames = new Map(report.scope.groups.map((g) => [g.id, g.name]));
  const rows: string[] = [];
  switch (table) {
    case "leaderboard":
      rows.push(line([labels.heading("salesperson"), labels.heading("groups"), ...metricKeys.map(labels.metric)]));
      for (const r of report.rows)
        rows.push(line([r.name || labels.heading("unassigned"), r.groupIds.map((g) => groupNames.get(g)).join(", "), ...metrics(r.metrics)]));
      rows.push(line([labels.heading("total"), "", ...metrics(report.totals)]));
      break;
    case "groups":
      rows.push(line([labels.heading("group"), labels.heading("members"), ...metricKeys.map(labels.metric)]));
      for (const g of report.groups) rows.push(line([g.name, g.members, ...metrics(g.metrics)]));
      break;
    case "modules":
      rows.push(line([labels.heading("module"), ...metricKeys.map(labels.metric)]));
      for (const m of report.modules) rows.push(line([m.name, ...metrics(m.metrics)]));
      break;
    case "funnel":
      rows.push(
        line([
          labels.heading("module"),
          labels.heading("status"),
          labels.heading("entered"),
          labels.heading("fromPrevious"),
          labels.heading("exits"),
          labels.heading("avgHours"),
          labels.heading("medianHours"),
        ]),
      );
      for (const f of report.funnels) {
        for (const s of f.steps) {
          const dwell = report.dwell.find((d) => d.statusId === s.statusId);
          rows.push(line([f.name, s.name, s.cards, s.fromPrevious, dwell?.exits ?? 0, dwell?.avgHours ?? null, dwell?.medianHours ?? null]));
        }
      }
      break;
    case "trend":
      rows.push(
        line([labels.heading("week"), ...(["created", "statusChanges", "won", "lost", "todosDone"] as const).map((k) => labels.heading(`trend.${k}`))]),
      );
      for (const w of report.trend) rows.push(line([w.week, w.created, w.statusChanges, w.won, w.lost, w.todosDone]));
      break;
  }
  return utf8Bom + rows.join("");
}
