import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listBulkRuns } from "@/lib/bulk-email/list-bulk-runs";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { BulkProgressBar } from "./progress-bar";

export async function generateMetadata() {
  return { title: (await getTranslations("bulk-email.automations"))("title") };
}

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The module's Automations page: its one-time bulk runs, newest first, each with a live progress bar
 * ("bulk.progress" events refetch the page) and a link to its per-recipient outcomes. The automations
 * issue adds rules above this list.
 */
export default async function AutomationsPage({ params, searchParams }: Props) {
  const actor = await requirePermission("email.bulk_send");
  const { moduleId } = await params;
  const query = await searchParams;
  const db = await getDb();
  const config = await getModuleConfigOrThrow(db, moduleId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const before = typeof query.before === "string" ? query.before : undefined;
  const highlight = typeof query.run === "string" ? query.run : null;
  const { runs, next } = await listBulkRuns({ actor, db, now: systemClock.now() }, { moduleId, before });
  const [t, format] = await Promise.all([getTranslations("bulk-email.automations"), getFormatter()]);
  const path = `/modules/${moduleId}/automations`;
  const tone = { preparing: "amber", sending: "brand", done: "green" } as const;

  return (
    <div className="mx-auto max-w-4xl">
      <LiveRefresh moduleId={moduleId} wait={150} />
      <PageHeader
        title={t("title")}
        description={t("description", { module: config.name })}
        actions={
          <Link href={`/modules/${moduleId}`} className={buttonClass("secondary", "sm")}>
            {t("toList")}
          </Link>
        }
      />
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
                      <h2 className="text-base font-semibold break-words text-slate-900">{title}</h2>
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
