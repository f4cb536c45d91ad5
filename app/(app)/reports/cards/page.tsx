import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { drillDown, drillInputSchema } from "@/lib/reports/drill-down";
import { reportInputSchema, reportSearch, searchParamsInput } from "@/lib/reports/report-input";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("drill.title") };
}

/** The cards behind a report's number (a link from any number of the Reports page). */
export default async function ReportCardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("reports.view");
  const [t, tErrors, format] = await Promise.all([getTranslations("reports"), getTranslations("errors"), getFormatter()]);
  const raw = searchParamsInput(await searchParams);
  const input = reportInputSchema.safeParse(raw);
  const drill = drillInputSchema.safeParse(raw);
  const back = input.success ? `/reports?${reportSearch(input.data)}` : "/reports";
  const header = (
    <>
      <Link href={back} className="mb-2 inline-block text-sm text-brand-700 hover:underline print:hidden">
        ← {t("drill.back")}
      </Link>
      <PageHeader title={t("drill.title")} />
    </>
  );
  const failure = (code: string) => (
    <>
      {header}
      <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
        {tErrors.has(code) ? tErrors(code) : tErrors("invalid_input")}
      </p>
    </>
  );
  if (!input.success) return failure(input.error.issues[0]?.message ?? "invalid_input");
  if (!drill.success) return failure(drill.error.issues[0]?.message ?? "invalid_input");

  let result: Awaited<ReturnType<typeof drillDown>>;
  try {
    result = await drillDown({ actor, db: await getDb(), now: systemClock.now() }, input.data, drill.data);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.kind === "forbidden") forbidden();
    return failure(e.code);
  }
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), {
      dateStyle: "medium",
      timeZone: "UTC",
    });
  const who = result.who === null ? t("drill.everyone") : result.who === "" ? t("unassigned") : result.who;

  return (
    <>
      {header}
      <p className="mb-4 text-sm text-slate-700">
        {t("drill.line", {
          metric: t(`metrics.${drill.data.metric}`),
          who,
          from: day(result.period.from),
          to: day(result.period.to),
        })}
      </p>
      {result.cards.length === 0 && result.hidden === 0 ? (
        <EmptyState title={t("drill.emptyTitle")}>{t("drill.emptyBody")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("drill.title")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("drill.card")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("module")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("drill.status")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("drill.owner")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("drill.when")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.cards.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-4 py-2 font-medium">
                    {c.trashed ? (
                      <span className="text-slate-700">
                        {c.name} <span className="text-xs font-normal">({t("drill.inTrash")})</span>
                      </span>
                    ) : (
                      <Link href={`/cards/${c.id}`} className="text-brand-700 hover:underline">
                        {c.name}
                      </Link>
                    )}
                    {c.events > 1 && <span className="ml-1 text-xs font-normal text-slate-600">×{c.events}</span>}
                  </th>
                  <td className="px-4 py-2">{c.module}</td>
                  <td className="px-4 py-2">{c.status}</td>
                  <td className="px-4 py-2">{c.owner ?? "–"}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {format.dateTime(c.at, {
                      dateStyle: "medium",
                      timeStyle: "short",
                      timeZone: result.timeZone,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {result.hidden > 0 && <p className="mt-3 text-sm text-slate-600">{t("drill.hidden", { count: result.hidden })}</p>}
      {result.total > result.cards.length + result.hidden && (
        <p className="mt-3 text-sm text-slate-600">
          {t("drill.limited", {
            shown: result.cards.length + result.hidden,
            total: result.total,
          })}
        </p>
      )}
    </>
  );
}
