import { getFormatter, getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/export/export-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { listExports } from "@/lib/export/list-exports";
import { getOrganisation } from "@/lib/org/organisation";

export async function generateMetadata() {
  return { title: (await getTranslations("exports"))("title") };
}

const tones = { running: "amber", done: "green", failed: "red" } as const;

/** Settings → Export (admins): download all of the organisation's data, and who did so when. */
export default async function ExportPage() {
  const actor = await requirePermission("exports.run");
  const db = await getDb();
  const [exports, org, t, format] = await Promise.all([listExports({ actor, db, now: systemClock.now() }), getOrganisation(db), getTranslations("exports"), getFormatter()]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const megabytes = (bytes: number) => format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="mb-8 p-4">
        <ExportForm />
      </Card>
      <h2 id="past-exports" className="mb-3 text-lg font-semibold text-slate-900">
        {t("history")}
      </h2>
      {exports.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table aria-labelledby="past-exports" className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("when")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("who")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("state")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("rows")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("size")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {exports.map((e) => (
                <tr key={e.id} data-testid="export-row">
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={e.startedAt.toISOString()}>{format.dateTime(e.startedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
                  </td>
                  <td className="px-4 py-2 break-all">{`${e.lastName} ${e.firstName}`.trim() || e.email}</td>
                  <td className="px-4 py-2">
                    <Badge tone={tones[e.state]}>{t(`states.${e.state}`)}</Badge>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{format.number(e.rows)}</td>
                  <td className="px-4 py-2 text-right tabular-nums whitespace-nowrap">{t("megabytes", { value: megabytes(e.bytes) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
