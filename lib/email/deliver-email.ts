import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, emails } from "@/db/schema";
import { publishBulkProgress } from "@/lib/bulk-email/publish-progress";
import { recordBulkOutcome, type BulkDeliveryOutcome } from "@/lib/bulk-email/record-outcome";
import type { JobHandler, JobOutcome } from "@/lib/jobs/types";
import { publishCardChange } from "@/lib/realtime/publish";
import { chooseTransport, mailFrom } from "./transports/choose-transport";
import type { EmailTransport, OutgoingEmail } from "./transports/types";

/** lastError of an email kept because no transport is configured (translated in the UI). */
export const noTransportError = "no_transport";

type EmailRow = typeof emails.$inferSelect;

/** `"Sender Name" <MAIL_FROM's address>` — the From is always ours (SPF/DKIM); replies go to the sender. */
export function fromHeader(fromName: string, from = mailFrom()): string {
  if (!fromName) return from;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return `${JSON.stringify(fromName.replace(/[\r\n"]/g, " ").trim())} <${address}>`;
}

export function outgoing(email: EmailRow): OutgoingEmail {
  return {
    id: email.id,
    from: fromHeader(email.fromName),
    to: { address: email.toAddress, name: email.toName },
    replyTo: email.replyTo,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers ?? {},
  };
}

/**
 * The "email.deliver" job: sends one stored email through the configured transport and writes its
 * state (with the bulk recipient's outcome) in one transaction. Safe to repeat: an email already
 * sent is never sent again, and a repeat after a crash carries the same idempotency key (Resend) or
 * Message-ID (SMTP).
 */
export const deliverEmail: JobHandler = (ctx) => deliverEmailWith(ctx, chooseTransport());

export async function deliverEmailWith({ db, now, job }: Parameters<JobHandler>[0], transport: EmailTransport | null): Promise<JobOutcome> {
  const emailId = String(job.payload.emailId ?? "");
  const email = emailId ? await db.query.emails.findFirst({ where: (e, { eq }) => eq(e.id, emailId) }) : undefined;
  if (!email) return { failed: "email_not_found" };
  if (email.state === "sent") return { done: true };

  if (!transport) {
    await finish(db, now, email, { state: "outbox", transport: "outbox", lastError: noTransportError, attempts: email.attempts }, { outbox: true });
    return { done: true };
  }

  const result = await transport.send(outgoing(email));
  const attempts = email.attempts + 1;
  if (result.ok) {
    await finish(db, now, email, { state: "sent", transport: transport.name, providerMessageId: result.messageId, lastError: null, attempts, sentAt: now }, { sent: true });
    return { done: true };
  }
  const lastTry = !result.rateLimited && job.attempts >= job.maxAttempts;
  if (result.retry && !lastTry) {
    await db
      .update(emails)
      .set({ transport: transport.name, lastError: result.message, attempts })
      .where(and(eq(emails.id, email.id), ne(emails.state, "sent")));
    await publishEmailChange(db, email);
    return { retry: result.message, at: result.retryAfterMs !== undefined ? new Date(now.getTime() + result.retryAfterMs) : undefined, rateLimited: result.rateLimited };
  }
  await finish(db, now, email, { state: "failed", transport: transport.name, lastError: result.message, attempts }, { failed: result.message });
  return { failed: result.message };
}

async function finish(db: Db, now: Date, email: EmailRow, set: Partial<typeof emails.$inferInsert>, bulk: BulkDeliveryOutcome) {
  const run = await db.transaction(async (tx) => {
    // Guarded: a second runner that raced this one (after a lease ran out) cannot undo "sent".
    const updated = await tx
      .update(emails)
      .set(set)
      .where(and(eq(emails.id, email.id), ne(emails.state, "sent")))
      .returning({ id: emails.id });
    return updated.length ? recordBulkOutcome(tx, { id: email.id, runId: email.runId }, bulk, now) : null;
  });
  if (run) publishBulkProgress(run.moduleId, run.runId);
  await publishEmailChange(db, email);
}

async function publishEmailChange(db: Db, email: EmailRow) {
  if (!email.cardId) return;
  const [card] = await db.select({ ownerId: cards.ownerId, moduleId: cards.moduleId }).from(cards).where(eq(cards.id, email.cardId));
  if (card) await publishCardChange(db, { kind: "email.changed", cardId: email.cardId, moduleId: card.moduleId }, [card.ownerId]);
}

