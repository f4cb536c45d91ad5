import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, min, sql } from "drizzle-orm";
import { bulkRecipients, bulkRuns, emailTemplates, users } from "@/db/schema";
import { renderEmail, type RenderedEmail } from "@/lib/email/render-email";
import { loadVariableValues } from "@/lib/email/variable-values";
import { textToHtml, variablesIn } from "@/lib/email/variables";
import { queueEmails } from "@/lib/email/queue-email";
import { recordHistory } from "@/lib/history/record-history";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { JobHandler } from "@/lib/jobs/types";
import { mailFromName } from "./mail-from";
import { organisationSettings } from "./plan-bulk-run";
import { publishBulkProgress } from "./publish-progress";
import { unsubscribeLinks } from "./unsubscribe-token";

export const prepareBulkJob = "bulk.prepare";
/** One job per batch, named by the first recipient it starts from: two runs of the same job enqueue the same next one. */
export const prepareJobKey = (runId: string, fromRecipientId: number) => `bulk:${runId}:${fromRecipientId}`;

/** Recipients rendered and queued per job (and per transaction). */
export const bulkBatchSize = 100;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The "bulk.prepare" job: renders and queues the next batch of a run's pending recipients.
 *
 * The batch is read and rendered outside any transaction; then one transaction locks the run's row
 * (serialising every prepare job of the run), keeps only recipients that still have no email, inserts
 * their emails and delivery jobs, links each recipient to its email and enqueues the job for the next
 * batch — keyed by the first recipient still waiting, so two runs of the same job (a lease that ran out,
 * two runners) converge on one chain. A crash repeats a batch at most as a whole; an email is never
 * queued twice (the recipient's emailId, and unique (runId, address)).
 */
export const prepareBulkBatch: JobHandler = async ({ db, now, job }) => {
  const runId = typeof job.payload.runId === "string" ? job.payload.runId : null;
  if (!runId) return { failed: "bulk run id missing" };
  const [run] = await db.select().from(bulkRuns).where(eq(bulkRuns.id, runId));
  if (!run) return { failed: "bulk run not found" };
  if (run.state === "done") return { done: true };

  const batch = await db
    .select()
    .from(bulkRecipients)
    .where(and(eq(bulkRecipients.runId, runId), eq(bulkRecipients.outcome, "pending"), isNull(bulkRecipients.emailId)))
    .orderBy(asc(bulkRecipients.id))
    .limit(bulkBatchSize);

  const rendered: { recipientId: number; emailId: string; email: RenderedEmail; headers: Record<string, string>; address: string; name: string; cardId: string }[] = [];
  let senderInfo: { email: string; firstName: string; lastName: string } | undefined;
  if (batch.length > 0) {
    const [template] = await db.select().from(emailTemplates).where(eq(emailTemplates.id, run.templateId));
    const [sender] = await db.select({ email: users.email, signature: users.emailSignature, firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, run.createdById));
    const org = await organisationSettings(db);
    const keys = variablesIn(`${template.subject}\n${template.bodyHtml}`);
    const values = await loadVariableValues(db, {
      items: batch.map((r) => ({ cardId: r.cardId, recipient: { address: r.address, name: r.name, contactId: r.contactId } })),
      senderId: run.createdById,
      keys,
      now,
      timeZone: org.timeZone,
      locale: org.locale,
    });
    for (const [i, r] of batch.entries()) {
      // One email at a time, yielding between them: one renderEmail is a few ms of
      // synchronous work, so renders run back to back in one microtask flush would stall the server.
      if (i > 0) await yieldToLoop();
      const emailId = randomUUID();
      const links = unsubscribeLinks(emailId);
      const email = await renderEmail({
        subject: template.subject,
        bodyHtml: template.bodyHtml,
        values: values[i],
        locale: org.locale,
        signatureHtml: textToHtml(sender?.signature ?? ""),
        unsubscribeUrl: links.pageUrl,
      });
      rendered.push({ recipientId: r.id, emailId, email, headers: links.headers, address: r.address, name: r.name, cardId: r.cardId });
    }
    senderInfo = sender;
  }

  const next = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ state: bulkRuns.state }).from(bulkRuns).where(eq(bulkRuns.id, runId)).for("update");
    if (locked.state === "done") return null;
    const ids = rendered.map((r) => r.recipientId);
    const still = ids.length
      ? new Set(
          (
            await tx
              .select({ id: bulkRecipients.id })
              .from(bulkRecipients)
              .where(and(inArray(bulkRecipients.id, ids), eq(bulkRecipients.outcome, "pending"), isNull(bulkRecipients.emailId)))
          ).map((r) => r.id),
        )
      : new Set<number>();
    const toQueue = rendered.filter((r) => still.has(r.recipientId));
    if (toQueue.length > 0) {
      await queueEmails(
        tx,
        toQueue.map((r) => ({
          id: r.emailId,
          kind: "bulk" as const,
          cardId: r.cardId,
          moduleId: run.moduleId,
          runId,
          templateId: run.templateId,
          senderId: run.createdById,
          fromName: mailFromName(senderInfo),
          toAddress: r.address,
          toName: r.name,
          replyTo: senderInfo?.email ?? null,
          subject: r.email.subject,
          html: r.email.html,
          text: r.email.text,
          headers: r.headers,
        })),
        now,
      );
      // Each card's history shows the email it got, as an email written on the card does.
      await recordHistory(
        tx,
        run.createdById,
        now,
        toQueue.map((r) => ({ cardId: r.cardId, kind: "email" as const, data: { emailId: r.emailId, subject: r.email.subject, to: r.address, runId } })),
      );
      await tx.execute(sql`
        update ${bulkRecipients} set email_id = v.email_id::uuid
        from (values ${sql.join(
          toQueue.map((r) => sql`(${r.recipientId}::bigint, ${r.emailId})`),
          sql`, `,
        )}) as v(id, email_id)
        where ${bulkRecipients.id} = v.id`);
    }
    const [waiting] = await tx
      .select({ first: min(bulkRecipients.id) })
      .from(bulkRecipients)
      .where(and(eq(bulkRecipients.runId, runId), eq(bulkRecipients.outcome, "pending"), isNull(bulkRecipients.emailId)));
    if (waiting?.first !== null && waiting?.first !== undefined) {
      const key = prepareJobKey(runId, Number(waiting.first));
      await enqueueJobs(tx, [{ kind: prepareBulkJob, payload: { runId }, key, dueAt: now }], now);
      return { key, queued: toQueue.map((r) => r.emailId) };
    }
    if (locked.state === "preparing") await tx.update(bulkRuns).set({ state: "sending" }).where(eq(bulkRuns.id, runId));
    return { key: null, queued: toQueue.map((r) => r.emailId) };
  });

  // The next batch's job and the delivery jobs are announced by the runner once this job finished (announcingJobs).
  if (next) publishBulkProgress(run.moduleId, runId);
  return { done: true };
};
