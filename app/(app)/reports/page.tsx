import { getFormatter, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { Leaderboard, type LeaderboardRow } from "@/components/reports/leaderboard";
import { PrintButton } from "@/components/reports/print-button";
import { ReportCharts } from "@/components/reports/report-charts";
import { ReportFilters } from "@/components/reports/report-filters";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { buildReport, metricKeys, type Report } from "@/lib/reports/build-report";
import { unassignedKey } from "@/lib/reports/report-facts";
import { reportInputSchema, reportSearch, searchParamsInput, type ReportInput } from "@/lib/reports/report-input";
import { reportTables } from "@/lib/reports/report-csv";
import { resolveReportScope } from "@/lib/reports/report-scope";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Reports (SPEC §12): a period's numbers per salesperson, group and module, for Admins, Managers and Group managers. */
export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("reports.view");
  const ctx = { actor, db: await getDb(), now: systemClock.now() };
  const [t, tErrors] = await Promise.all([getTranslations("reports"), getTranslations("errors")]);
  const raw = searchParamsInput(await searchParams);
  const parsed = reportInputSchema.safeParse(raw);

  let report: Report | null = null;
  let error: string | null = parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid_input");
  if (parsed.success) {
    try {
      report = await buildReport(ctx, parsed.data);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.kind === "forbidden") forbidden();
      error = e.code;
    }
  }
  const choices = report?.scope.choices ?? (await resolveReportScope(ctx.db, actor, { module: [], group: [] })).choices;
  const shownInput = (parsed.success ? parsed.data : raw) as Partial<ReportInput>;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={report && <PrintButton label={t("print")} />} />
      <ReportFilters input={shownInput} period={report?.period ?? null} modules={choices.modules} groups={choices.groups} />
      {error && (
        <div role="alert" className="mb-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-semibold">{t("errorTitle")}</p>
          <p>{tErrors.has(error) ? tErrors(error) : tErrors("invalid_input")}</p>
        </div>
      )}
      {report && parsed.success && <ReportBody report={report} input={parsed.data} />}
    </>
  );
}

async function ReportBody({ report, input }: { report: Report; input: ReportInput }) {
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), {
      dateStyle: "medium",
      timeZone: "UTC",
    });
  const groupName = new Map(report.scope.groups.map((g) => [g.id, g.name]));
  if (report.scope.modules.length === 0) return <EmptyState title={t("empty.title")}>{t("noModules")}</EmptyState>;

  const people: LeaderboardRow[] = report.rows.map((r) => ({
    key: r.key,
    name: r.key === unassignedKey ? t("unassigned") : r.name,
    note: r.deactivated ? t("deactivated") : undefined,
    groups: r.groupIds.map((g) => groupName.get(g)).join(", "),
    metrics: r.metrics,
    drill: reportSearch(input, { user: r.key }),
  }));
  const total: LeaderboardRow = {
    key: "total",
    name: t("total"),
    groups: "",
    metrics: report.totals,
    drill: reportSearch(input),
  };
  const groupRows: LeaderboardRow[] = report.groups.map((g) => ({
    key: `group:${g.id}`,
    name: g.name,
    groups: t("members") + ": " + g.members,
    metrics: g.metrics,
    drill: reportSearch({ ...input, group: [g.id] }),
  }));
  const moduleRows: LeaderboardRow[] = report.modules.map((m) => ({
    key: `module:${m.id}`,
    name: m.name,
    groups: "",
    metrics: m.metrics,
    drill: reportSearch({ ...input, module: [m.id] }),
  }));
  const nothing = metricKeys.every((k) => report.totals[k] === 0);
  const money = (v: number) =>
    format.number(v, {
      style: "currency",
      currency: report.currency,
      maximumFractionDigits: 0,
    });
  const tiles: { key: (typeof metricKeys)[number]; money?: boolean }[] = [
    { key: "created" },
    { key: "won" },
    { key: "wonValue", money: true },
    { key: "lost" },
    { key: "todosLate" },
    { key: "overdueAtEnd" },
  ];
  const delta = (now: number, before: number, isMoney?: boolean) => {
    const d = now - before;
    const text = isMoney ? money(Math.abs(d)) : format.number(Math.abs(d));
    return d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${text}`;
  };
  const csvQuery = [...new URLSearchParams(reportSearch(input)).entries()];

  return (
    <div className="space-y-8">
      <div className="text-sm text-slate-700">
        <p>
          {t("periodLine", {
            from: day(report.period.from),
            to: day(report.period.to),
            timeZone: report.timeZone,
          })}
        </p>
        {report.previous && (
          <p>
            {t("previousLine", {
              from: day(report.previous.from),
              to: day(report.previous.to),
            })}
          </p>
        )}
        <p>
          {t("money.currency", { currency: report.currency })}{" "}
          {report.rates.length
            ? t("money.rates", {
                rates: report.rates
                  .map((r) =>
                    t("money.rate", {
                      currency: r.currency,
                      rate: format.number(r.rate),
                      month: r.rateMonth,
                    }),
                  )
                  .join(", "),
              })
            : t("money.noRatesNeeded")}
        </p>
        {report.missingRates.length > 0 && (
          <p role="status" className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            {t("money.missing", {
              items: report.missingRates.map((m) => `${m.currency} ${m.month}`).join(", "),
            })}
          </p>
        )}
      </div>

      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("total")}>
        {tiles.map(({ key, money: isMoney }) => (
          <li key={key}>
            <Card className="h-full p-3">
              <p className="text-xs text-slate-600">{t(`metrics.${key}`)}</p>
              <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">
                {isMoney ? money(report.totals[key]) : format.number(report.totals[key])}
              </p>
              {report.previousTotals && (
                <p className="mt-1 text-xs text-slate-600">
                  {t("versusPrevious", {
                    delta: delta(report.totals[key], report.previousTotals[key], isMoney),
                  })}
                </p>
              )}
            </Card>
          </li>
        ))}
      </ul>

      {nothing ? (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="report-people" className="space-y-2">
            <h2 id="report-people" className="text-lg font-semibold text-slate-900">
              {t("leaderboard")}
            </h2>
            <p className="text-sm text-slate-600 print:hidden">{t("leaderboardHint")}</p>
            <Leaderboard caption={t("leaderboard")} nameHeading={t("salesperson")} rows={people} totals={[total]} currency={report.currency} />
          </section>
          {groupRows.length > 0 && (
            <section aria-labelledby="report-groups" className="space-y-2">
              <h2 id="report-groups" className="text-lg font-semibold text-slate-900">
                {t("byGroup")}
              </h2>
              <Leaderboard caption={t("byGroup")} nameHeading={t("group")} rows={groupRows} currency={report.currency} />
            </section>
          )}
          <section aria-labelledby="report-modules" className="space-y-2">
            <h2 id="report-modules" className="text-lg font-semibold text-slate-900">
              {t("byModule")}
            </h2>
            <Leaderboard caption={t("byModule")} nameHeading={t("module")} rows={moduleRows} currency={report.currency} />
          </section>
          <ReportCharts
            data={{
              currency: report.currency,
              people: [...people]
                .sort((a, b) => b.metrics.wonValue - a.metrics.wonValue)
                .map((p) => ({
                  name: p.name,
                  wonValue: p.metrics.wonValue,
                  won: p.metrics.won,
                })),
              groups: report.groups.map((g) => ({
                name: g.name,
                created: g.metrics.created,
                won: g.metrics.won,
                lost: g.metrics.lost,
              })),
              funnels: report.funnels.map((f) => ({
                name: f.name,
                steps: f.steps.map((s) => ({
                  name: s.name,
                  cards: s.cards,
                  color: s.color,
                })),
              })),
              trend: report.trend,
            }}
          />
          <FunnelTables report={report} />
        </>
      )}

      <form method="get" action="/reports/csv" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t("csv.title")}>
        {csvQuery.map(([k, v]) => (
          <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
        ))}
        <div>
          <label htmlFor="report-csv-table" className="block text-sm font-medium text-slate-800">
            {t("csv.title")}
          </label>
          <select id="report-csv-table" name="table" className="mt-1 h-10 rounded-md border border-slate-300 bg-white px-3 text-sm">
            {reportTables.map((table) => (
              <option key={table} value={table}>
                {t(`csv.${table}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="sep" value=";" className="size-4 rounded border-slate-300" />
          {t("csv.semicolon")}
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("csv.download")}
        </button>
      </form>
    </div>
  );
}

async function FunnelTables({ report }: { report: Report }) {
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const percent = (v: number | null) => (v === null ? "–" : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const duration = (hours: number) => (hours >= 48 ? t("funnel.days", { days: Math.round(hours / 24) }) : t("funnel.hours", { hours: Math.round(hours) }));
  return (
    <section aria-labelledby="report-funnel" className="space-y-3">
      <h2 id="report-funnel" className="text-lg font-semibold text-slate-900">
        {t("funnel.title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
        {report.funnels.map((f) => (
          <Card key={f.moduleId} className="overflow-x-auto p-4 break-inside-avoid">
            <table className="w-full text-sm">
              <caption className="mb-2 text-left font-semibold text-slate-900">
                {f.name}
                <span className="ml-2 text-xs font-normal text-slate-600">{t("funnel.createdToWon", { rate: percent(f.createdToWon) })}</span>
              </caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("funnel.status")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("funnel.entered")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("funnel.fromPrevious")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("funnel.avg")}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    {t("funnel.median")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {f.steps.map((s) => {
                  const dwell = report.dwell.find((d) => d.statusId === s.statusId);
                  return (
                    <tr key={s.statusId}>
                      <th scope="row" className="py-1 text-left font-normal">
                        <span className="mr-2 inline-block size-2.5 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                        {s.name}
                      </th>
                      <td className="py-1 text-right tabular-nums">{format.number(s.cards)}</td>
                      <td className="py-1 text-right tabular-nums">{percent(s.fromPrevious)}</td>
                      <td className="py-1 text-right tabular-nums">{dwell ? duration(dwell.avgHours) : "–"}</td>
                      <td className="py-1 text-right tabular-nums">{dwell ? duration(dwell.medianHours) : "–"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        ))}
      </div>
    </section>
  );
}
