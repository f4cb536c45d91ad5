import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutomationList } from "@/components/automations/automation-list";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listAutomations } from "@/lib/automations/list-automations";
import { listBulkRuns } from "@/lib/bulk-email/list-bulk-runs";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { BulkProgressBar } from "./progress-bar";

export async function generateMetadata() {
  return { title: (await getTranslations("automations"))("title") };
}

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The module's Automations page: its follow-up sequences (state, trigger, step runs done / pending /
 * skipped), then its one-time bulk runs, newest first, each with a live progress bar and a link to its
 * per-recipient outcomes. "automations.changed" and "bulk.progress" events refetch the page.
 */
export default async function AutomationsPage({ params, searchParams }: Props) {
  const actor = await requirePermission("automations.manage");
  const { moduleId } = await params;
  const query = await searchParams;
  const db = await getDb();
  const config = await getModuleConfigOrThrow(db, moduleId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const before = typeof query.before === "string" ? query.before : undefined;
  const highlight = typeof query.run === "string" ? query.run : null;
  const ctx = { actor, db, now: systemClock.now() };
  const [{ runs, next }, automations] = await Promise.all([
    can(actor, "email.bulk_send") ? listBulkRuns(ctx, { moduleId, before }) : { runs: [], next: null },
    before ? [] : listAutomations(ctx, moduleId),
  ]);
  const [t, ta, format] = await Promise.all([getTranslations("bulk-email.automations"), getTranslations("automations"), getFormatter()]);
  const path = `/modules/${moduleId}/automations`;
  const tone = { preparing: "amber", sending: "brand", done: "green" } as const;

  return (
    <div className="mx-auto max-w-4xl">
      <LiveRefresh moduleId={moduleId} wait={150} />
      <PageHeader
        title={ta("title")}
        description={ta("description", { module: config.name })}
        actions={
          <>
            <Link href={`/modules/${moduleId}`} className={buttonClass("secondary", "sm")}>
              {t("toList")}
            </Link>
            <Link href={`${path}/new`} className={buttonClass("primary", "sm")}>
              {ta("newAutomation")}
            </Link>
          </>
        }
      />
      {!before && (
        <section aria-labelledby="sequences-heading" className="mb-8">
          <h2 id="sequences-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {ta("sequences")}
          </h2>
          {automations.length === 0 ? (
            <EmptyState
              title={ta("emptyTitle")}
              action={
                <Link href={`${path}/new`} className={buttonClass("primary", "sm")}>
                  {ta("newAutomation")}
                </Link>
              }
            >
              {ta("emptyBody")}
            </EmptyState>
          ) : (
            <AutomationList moduleId={moduleId} automations={automations} />
          )}
        </section>
      )}
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{ta("bulkRuns")}</h2>
      {runs.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {runs.map((run) => {
            const counts = t(run.kept > 0 ? "countsKept" : "counts", { sent: run.sent, skipped: run.skipped, failed: run.failed - run.kept, kept: run.kept, total: run.total });
            const percent = run.total > 0 ? Math.round(((run.sent + run.skipped + run.failed) / run.total) * 100) : 100;
            const title = t("run", { template: run.templateName, view: run.viewName });
            return (
              <li key={run.id}>
                <Card className={cn("space-y-3 p-4 sm:p-5", highlight === run.id && "ring-2 ring-brand-500")} data-run-id={run.id}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="text-base font-semibold break-words text-slate-900">{title}</h3>
                      <p className="text-sm text-slate-600">{t("startedBy", { name: run.createdByName, when: format.dateTime(run.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                    </div>
                    <Badge tone={tone[run.state]}>{t(`state_${run.state}`)}</Badge>
                  </div>
                  <div className="flex items-center gap-3">
                    <BulkProgressBar label={`${t("progress")}: ${title}`} total={run.total} sent={run.sent} skipped={run.skipped} failed={run.failed} kept={run.kept} valueText={counts} />
                    <span className="w-14 shrink-0 text-right text-sm font-medium text-slate-800 tabular-nums" data-testid="bulk-percent">
                      {t("percent", { percent })}
                    </span>
                  </div>
                  <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span className="text-slate-700 tabular-nums">{counts}</span>
                    <Link href={`${path}/runs/${run.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {t("details")}
                    </Link>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {(next || before) && (
        <nav className="mt-4 flex justify-between text-sm" aria-label={t("title")}>
          {before ? (
            <Link href={path} className={buttonClass("ghost", "sm")}>
              {t("newer")}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`${path}?before=${encodeURIComponent(next)}`} className={buttonClass("ghost", "sm")}>
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
