import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { buildDashboard, staleDayChoices } from "@/lib/reports/dashboard";
import { reportSearch } from "@/lib/reports/report-input";

export async function generateMetadata() {
  return { title: (await getTranslations("reports.dashboard"))("title") };
}

/** The home page of Admins, Managers and Group managers (SPEC §12): the team at a glance, live. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ stale?: string }> }) {
  const actor = await requirePermission("reports.view");
  const chosen = Number((await searchParams).stale);
  const staleDays = (staleDayChoices as readonly number[]).includes(chosen) ? chosen : 14;
  const [data, t, format] = await Promise.all([
    buildDashboard({ actor, db: await getDb(), now: systemClock.now() }, staleDays),
    getTranslations("reports.dashboard"),
    getFormatter(),
  ]);
  const money = (v: number) => format.number(v, { style: "currency", currency: data.currency, maximumFractionDigits: 0 });
  const totalOverdue = data.overdue.reduce((n, o) => n + o.n, 0);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const wonLink = `/reports/cards?${reportSearch({ period: "this_week", module: [], group: [], compare: false }, { metric: "won" })}`;

  return (
    <>
      <LiveRefresh />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/todos" className={buttonClass("secondary")}>
              {t("myTodos")}
            </Link>
            <Link href="/reports" className={buttonClass("secondary")}>
              {t("fullReports")}
            </Link>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <section aria-labelledby="dash-overdue">
            <h2 id="dash-overdue" className="text-base font-semibold text-slate-900">
              {t("overdue.title")}
            </h2>
            {data.overdue.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("overdue.none")}</p>
            ) : (
              <>
                <p className="mt-1 text-sm text-slate-700" data-testid="overdue-total">
                  {t("overdue.total", { count: totalOverdue })}
                </p>
                <table className="mt-3 w-full text-sm">
                  <caption className="sr-only">{t("overdue.title")}</caption>
                  <thead className="text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="py-1 text-left font-medium">
                        {t("overdue.person")}
                      </th>
                      <th scope="col" className="w-2/5 py-1 text-left font-medium">
                        <span className="sr-only">{t("overdue.count")}</span>
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        {t("overdue.count")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.overdue.map((o) => (
                      <tr key={o.userId}>
                        <th scope="row" className="py-1.5 text-left font-normal">
                          {o.name}
                        </th>
                        <td className="py-1.5" aria-hidden>
                          <div className="h-2 rounded bg-red-600" style={{ width: `${Math.max(4, (o.n / data.overdue[0].n) * 100)}%` }} />
                        </td>
                        <td className="py-1.5 text-right font-semibold text-red-700 tabular-nums">{format.number(o.n)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        </Card>

        <Card className="p-4">
          <section aria-labelledby="dash-won">
            <h2 id="dash-won" className="text-base font-semibold text-slate-900">
              {t("won.title")}
            </h2>
            <p className="mt-1 text-xs text-slate-600">{t("won.since", { date: day(data.week.from) })}</p>
            <p className="mt-3 text-3xl font-semibold text-green-800 tabular-nums">{money(data.wonThisWeek.value)}</p>
            <p className="mt-1 text-sm text-slate-700">
              {t("won.cards", { count: data.wonThisWeek.cards })}
              {data.wonThisWeek.cards > 0 && (
                <>
                  {" · "}
                  <Link href={wonLink} className="text-brand-700 hover:underline">
                    {t("won.list")}
                  </Link>
                </>
              )}
            </p>
          </section>
        </Card>

        <Card className="p-4 lg:col-span-2">
          <section aria-labelledby="dash-pipeline">
            <h2 id="dash-pipeline" className="text-base font-semibold text-slate-900">
              {t("pipeline.title")}
            </h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {data.pipeline.map((m) => {
                const most = Math.max(1, ...m.statuses.map((s) => s.cards));
                return (
                  <table key={m.id} className="w-full text-sm">
                    <caption className="mb-1 text-left font-medium text-slate-800">{m.name}</caption>
                    <thead className="text-xs text-slate-600">
                      <tr>
                        <th scope="col" className="py-1 text-left font-medium">
                          {t("pipeline.status")}
                        </th>
                        <th scope="col" className="py-1 text-right font-medium">
                          {t("pipeline.cards")}
                        </th>
                        <th scope="col" className="py-1 text-right font-medium">
                          {t("pipeline.value")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {m.statuses.map((s) => (
                        <tr key={s.id}>
                          <th scope="row" className="py-1 text-left font-normal">
                            <span className="block">{s.name}</span>
                            <span
                              className="mt-0.5 block h-1.5 rounded"
                              style={{ width: `${Math.max(2, (s.cards / most) * 100)}%`, backgroundColor: s.color }}
                              aria-hidden
                            />
                          </th>
                          <td className="py-1 text-right tabular-nums">{format.number(s.cards)}</td>
                          <td className="py-1 text-right tabular-nums">{s.value ? money(s.value) : "–"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                );
              })}
            </div>
          </section>
        </Card>

        <Card className="p-4 lg:col-span-2">
          <section aria-labelledby="dash-stale">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="dash-stale" className="text-base font-semibold text-slate-900">
                {t("stale.title")}
              </h2>
              <form method="get" className="flex items-end gap-2">
                <label className="text-sm text-slate-700">
                  <span className="block">{t("stale.choose")}</span>
                  <select name="stale" defaultValue={staleDays} className="mt-1 h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
                    {staleDayChoices.map((d) => (
                      <option key={d} value={d}>
                        {t("stale.days", { days: d })}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className={buttonClass("secondary", "sm")}>
                  {t("stale.apply")}
                </button>
              </form>
            </div>
            {data.stale.count === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("stale.none", { days: staleDays })}</p>
            ) : (
              <>
                <p className="mt-2 text-sm text-slate-700">{t("stale.count", { count: data.stale.count, days: staleDays })}</p>
                <ul className="mt-2 divide-y divide-slate-100">
                  {data.stale.cards.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                      <span>
                        <Link href={`/cards/${c.id}`} className="font-medium text-brand-700 hover:underline">
                          {c.name}
                        </Link>
                        <span className="ml-2 text-xs text-slate-600">
                          {c.module} · {c.status} · {c.owner ?? t("stale.noOwner")}
                        </span>
                      </span>
                      <span className="text-xs text-slate-600">
                        {t("stale.lastActivity", { date: format.dateTime(c.lastActivityAt, { dateStyle: "medium" }) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </Card>
      </div>
    </>
  );
}
