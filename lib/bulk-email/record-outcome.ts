import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bulkRecipients, bulkRuns } from "@/db/schema";

/** What delivery reports for a bulk email: accepted by the provider, failed for good, or kept in the outbox (no transport). */
export type BulkDeliveryOutcome = { sent: true } | { failed: string } | { outbox: true };

/** The reason a recipient shows when its email was kept in the outbox (the outbox's own code). */
export const outboxReason = "no_transport";

/**
 * Called by lib/email/deliver-email.ts inside the transaction that writes a bulk email's final state,
 * so the recipient's outcome and the run's counters move with it (the progress bar is one row read).
 * A recipient's outcome is written once from pending; a failed (or kept) one may later become sent when
 * an admin retries the email by hand — the counters move from failed to sent. Repeating a call changes
 * nothing. The run is done when every recipient has an outcome. Returns the run's module and id when it
 * moved (publish "bulk.progress" after commit: `publishBulkProgress`).
 */
export async function recordBulkOutcome(
  tx: Db,
  email: { id: string; runId: string | null },
  outcome: BulkDeliveryOutcome,
  now?: Date,
): Promise<{ moduleId: string; runId: string } | null> {
  if (!email.runId) return null;
  const sent = "sent" in outcome;
  const reason = sent ? null : "failed" in outcome ? outcome.failed.slice(0, 1000) : outboxReason;
  const [before] = await tx
    .select({ id: bulkRecipients.id, outcome: bulkRecipients.outcome, reason: bulkRecipients.reason })
    .from(bulkRecipients)
    .where(and(eq(bulkRecipients.runId, email.runId), eq(bulkRecipients.emailId, email.id)))
    .for("update");
  if (!before) return null;
  if (before.outcome === "sent" || before.outcome === "skipped") return null;
  if (before.outcome === "failed" && (!sent && before.reason === reason)) return null;
  if (before.outcome === "failed" && !sent) {
    // Failed again (another reason): the counters stay, the reason is the latest.
    await tx.update(bulkRecipients).set({ reason }).where(eq(bulkRecipients.id, before.id));
    return null;
  }
  await tx
    .update(bulkRecipients)
    .set({ outcome: sent ? "sent" : "failed", reason })
    .where(and(eq(bulkRecipients.id, before.id), inArray(bulkRecipients.outcome, ["pending", "failed"])));
  const fromFailed = before.outcome === "failed" ? 1 : 0;
  const finished = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const [run] = await tx
    .update(bulkRuns)
    .set({
      sent: sql`${bulkRuns.sent} + ${sent ? 1 : 0}`,
      failed: sql`${bulkRuns.failed} + ${sent ? -fromFailed : 1}`,
      state: sql`case when ${bulkRuns.sent} + ${bulkRuns.skipped} + ${bulkRuns.failed} + ${1 - fromFailed} >= ${bulkRuns.total} then 'done' else ${bulkRuns.state} end`,
      finishedAt: sql`case when ${bulkRuns.finishedAt} is null and ${bulkRuns.sent} + ${bulkRuns.skipped} + ${bulkRuns.failed} + ${1 - fromFailed} >= ${bulkRuns.total} then ${finished} else ${bulkRuns.finishedAt} end`,
    })
    .where(eq(bulkRuns.id, email.runId))
    .returning({ moduleId: bulkRuns.moduleId, runId: bulkRuns.id });
  return run ?? null;
}
