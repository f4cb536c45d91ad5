import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { emails } from "@/db/schema";
import { enqueueJobs } from "@/lib/jobs/enqueue";

/** An email to store; `id` may be chosen beforehand (a bulk email's unsubscribe link signs it). */
export type NewEmail = Omit<typeof emails.$inferInsert, "state" | "attempts" | "createdAt" | "sentAt" | "transport" | "providerMessageId" | "lastError">;

export const deliverEmailJob = "email.deliver";
export const emailJobKey = (emailId: string) => `email:${emailId}`;

/**
 * Stores rendered emails and their delivery jobs in the caller's transaction: an email exists
 * exactly when its one delivery job does. Inside `announcingJobs` (server actions, jobs) the jobs are
 * announced after commit; elsewhere call `jobsEnqueued(deliveryJobs(ids, now))` after commit.
 */
export async function queueEmails(tx: Db, newEmails: NewEmail[], now: Date): Promise<string[]> {

  if (newEmails.length === 0) return [];
  const rows = newEmails.map((e) => ({ ...e, id: e.id ?? randomUUID(), state: "queued" as const, createdAt: now }));
  await tx.insert(emails).values(rows);
  await enqueueJobs(
    tx,
    rows.map((r) => ({ kind: deliverEmailJob, payload: { emailId: r.id }, key: emailJobKey(r.id), dueAt: now })),
    now,
  );
  return rows.map((r) => r.id);
}

/** What `jobsEnqueued` needs to hear about the delivery jobs of these emails (one Inngest event each). */
export const deliveryJobs = (emailIds: string[], now: Date) => emailIds.map((id) => ({ kind: deliverEmailJob, dueAt: now, key: emailJobKey(id) }));
