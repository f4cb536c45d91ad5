import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { bulkOutcomes, type BulkOutcome } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { getBulkRunOrThrow, listBulkRecipients } from "@/lib/bulk-email/list-bulk-runs";
import { outboxReason } from "@/lib/bulk-email/record-outcome";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { BulkProgressBar } from "../../progress-bar";

export async function generateMetadata() {
  return { title: (await getTranslations("bulk-email.recipients"))("title") };
}

type Props = { params: Promise<{ moduleId: string; runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One bulk run's recipients with their outcome and reason, filtered by outcome, paged by keyset; live like the list of runs. */
export default async function BulkRunPage({ params, searchParams }: Props) {
  const actor = await requirePermission("email.bulk_send");
  const { moduleId, runId } = await params;
  const query = await searchParams;
  const outcome = bulkOutcomes.find((o) => o === query.outcome) as BulkOutcome | undefined;
  const after = typeof query.after === "string" && /^\d{1,15}$/.test(query.after) ? Number(query.after) : undefined;
  const ctx = { actor, db: await getDb(), now: systemClock.now() };
  const run = await getBulkRunOrThrow(ctx, runId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  if (run.moduleId !== moduleId) notFound();
  const page = await listBulkRecipients(ctx, { runId, outcome, after });
  const [t, ta] = await Promise.all([getTranslations("bulk-email.recipients"), getTranslations("bulk-email.automations")]);
  const path = `/modules/${moduleId}/automations/runs/${runId}`;
  const href = (o: BulkOutcome | undefined, a?: number) => {
    const search = new URLSearchParams();
    if (o) search.set("outcome", o);
    if (a) search.set("after", String(a));
    const s = search.toString();
    return s ? `${path}?${s}` : path;
  };
  const tone = { pending: "slate", sent: "green", skipped: "amber", failed: "red" } as const;
  const tc = await getTranslations("bulk-email.compose");
  /** Our own reasons translated; a provider's reason as the provider wrote it. */
  const reasonText = (reason: string | null) => {
    if (!reason) return "";
    if (reason === "no_transport") return t("reason_no_transport");
    if (reason === "no_address" || reason === "unsubscribed" || reason === "duplicate") return tc(`reason_${reason}`);
    return reason;
  };
  const counts = ta(run.kept > 0 ? "countsKept" : "counts", { sent: run.sent, skipped: run.skipped, failed: run.failed - run.kept, kept: run.kept, total: run.total });

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <LiveRefresh moduleId={moduleId} />
      <PageHeader
        title={ta("run", { template: run.templateName, view: run.viewName })}
        description={counts}
        actions={
          <Link href={`/modules/${moduleId}/automations`} className={buttonClass("secondary", "sm")}>
            {t("back")}
          </Link>
        }
      />
      <BulkProgressBar label={ta("progress")} total={run.total} sent={run.sent} skipped={run.skipped} failed={run.failed} kept={run.kept} valueText={counts} />
      <nav aria-label={t("filter")} className="flex flex-wrap gap-1">
        {[undefined, ...bulkOutcomes].map((o) => (
          <Link
            key={o ?? "all"}
            href={href(o)}
            aria-current={o === outcome ? "page" : undefined}
            className={cn("rounded-md px-3 py-1.5 text-sm font-medium", o === outcome ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100")}
          >
            {o ? t(`outcome_${o}`) : t("all")}
          </Link>
        ))}
      </nav>
      <Card className="overflow-x-auto">
        {page.rows.length === 0 ? (
          <p className="p-6 text-sm text-slate-600">{t("noRecipients")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">{t("card")}</th>
                <th scope="col" className="px-4 py-2">{t("to")}</th>
                <th scope="col" className="px-4 py-2">{t("outcome")}</th>
                <th scope="col" className="px-4 py-2">{t("reason")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2 break-words">
                    {r.cardName !== null ? (
                      <Link href={`/cards/${r.cardId}`} className="text-brand-700 hover:underline">
                        {r.cardName}
                      </Link>
                    ) : (
                      <span className="text-slate-500 italic">{t("hiddenCard")}</span>
                    )}
                  </td>
                  <td className="px-4 py-2 break-all">{r.name ? `${r.name} <${r.address}>` : r.address}</td>
                  <td className="px-4 py-2">
                    {/* Kept in the outbox counts as not sent, but it is waiting for a transport, not broken. */}
                    {r.outcome === "failed" && r.reason === outboxReason ? (
                      <Badge tone="brand">{t("outcome_outbox")}</Badge>
                    ) : (
                      <Badge tone={tone[r.outcome]}>{t(`outcome_${r.outcome}`)}</Badge>
                    )}
                  </td>
                  <td className="px-4 py-2 break-words text-slate-700">{reasonText(r.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {(page.next || after) && (
        <nav className="flex justify-between text-sm" aria-label={t("title")}>
          {after ? (
            <Link href={href(outcome)} className={buttonClass("ghost", "sm")}>
              {t("first")}
            </Link>
          ) : (
            <span />
          )}
          {page.next && (
            <Link href={href(outcome, page.next)} className={buttonClass("ghost", "sm")}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
