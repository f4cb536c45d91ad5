import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { cards, emails, jobs } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { noteJobsEnqueued } from "@/lib/jobs/wake";
import { publishCardChange } from "@/lib/realtime/publish";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { deliverEmailJob, emailJobKey } from "./queue-email";

export const retryEmailSchema = z.object({ emailId: z.uuid("invalid_input") });

/**
 * An admin puts a failed email (or one kept in the outbox, after configuring a transport) back in
 * the queue: the email becomes "queued" and its one delivery job is due now with fresh attempts.
 * A sent or already queued email is refused; the idempotency key stays the email's id.
 */
export async function retryEmail(ctx: Ctx, input: z.input<typeof retryEmailSchema>): Promise<{ emailId: string }> {
  if (!can(ctx.actor, "email.admin")) throw forbidden();
  const { emailId } = retryEmailSchema.parse(input);
  const key = emailJobKey(emailId);
  const email = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(emails).where(eq(emails.id, emailId)).for("update");
    if (!row) throw notFound("email_not_found");
    if (row.state !== "failed" && row.state !== "outbox") throw invalid("email_not_retryable");
    await tx.update(emails).set({ state: "queued", lastError: null }).where(eq(emails.id, emailId));
    const reset = await tx
      .update(jobs)
      .set({ state: "pending", dueAt: ctx.now, attempts: 0, lastError: null, lockedUntil: null, lockedBy: null, finishedAt: null, updatedAt: ctx.now })
      .where(and(eq(jobs.key, key), inArray(jobs.state, ["done", "failed"])))
      .returning({ id: jobs.id });
    // Announced after the action finished (announcingJobs), like a newly enqueued one.
    if (reset.length === 0) await enqueueJobs(tx, [{ kind: deliverEmailJob, key, payload: { emailId }, dueAt: ctx.now }], ctx.now);
    else noteJobsEnqueued([{ kind: deliverEmailJob, dueAt: ctx.now, key }]);
    return row;
  });
  if (email.cardId) {
    const [card] = await ctx.db.select({ ownerId: cards.ownerId, moduleId: cards.moduleId }).from(cards).where(eq(cards.id, email.cardId));
    if (card) await publishCardChange(ctx.db, { kind: "email.changed", cardId: email.cardId, moduleId: card.moduleId }, [card.ownerId]);
  }
  return { emailId };
}
