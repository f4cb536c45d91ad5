import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError, httpStatus } from "@/lib/errors";
import { buildReport } from "@/lib/reports/build-report";
import { reportCsv, reportTables, type ReportTable } from "@/lib/reports/report-csv";
import { reportInputSchema, searchParamsInput } from "@/lib/reports/report-input";

const noStore = { "Cache-Control": "private, no-store" };

/** A report's table as CSV: the same question as the page (its query string), the same numbers. */
export async function GET(request: Request) {
  const actor = await getCurrentUser();
  if (!actor) return new Response(null, { status: 401, headers: noStore });
  if (!can(actor, "reports.view")) return new Response(null, { status: 403, headers: noStore });
  const params = new URL(request.url).searchParams;
  const table = (reportTables as readonly string[]).includes(params.get("table") ?? "") ? (params.get("table") as ReportTable) : "leaderboard";
  const separator = params.get("sep") === ";" ? ";" : ",";
  const input = reportInputSchema.safeParse(searchParamsInput(params));
  if (!input.success) return Response.json({ error: input.error.issues[0]?.message ?? "invalid_input" }, { status: 422, headers: noStore });
  try {
    const report = await buildReport({ actor, db: await getDb(), now: systemClock.now() }, input.data);
    const t = await getTranslations("reports");
    const headings: Record<string, string> = {
      salesperson: t("salesperson"),
      groups: t("filters.groups"),
      group: t("group"),
      members: t("members"),
      module: t("module"),
      total: t("total"),
      unassigned: t("unassigned"),
      status: t("funnel.status"),
      entered: t("funnel.entered"),
      fromPrevious: t("funnel.fromPrevious"),
      exits: t("funnel.exits"),
      avgHours: `${t("funnel.avg")} (h)`,
      medianHours: `${t("funnel.median")} (h)`,
      week: t("charts.week"),
    };
    const csv = reportCsv(report, table, separator, {
      metric: (key) => (key === "wonValue" || key === "lostValue" ? `${t(`metrics.${key}`)} (${report.currency})` : t(`metrics.${key}`)),
      heading: (key) => (key.startsWith("trend.") ? t(key as "trend.created") : (headings[key] ?? key)),
    });
    const fileName = `report-${table}-${report.period.from}-${report.period.to}.csv`;
    return new Response(csv, {
      headers: {
        ...noStore,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return Response.json({ error: e.code }, { status: httpStatus[e.kind], headers: noStore });
    throw e;
  }
}
