import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const jobStates = ["pending", "running", "done", "failed", "cancelled"] as const;
/**
 * pending → running (claimed, leased) → done | pending again (retry with back-off) | failed (permanent;
 * retried by hand). cancelled: the work was called off before it ran (an automation step whose card left).
 */
export type JobState = (typeof jobStates)[number];

/**
 * Durable work (ARCHITECTURE "Jobs"): an email to deliver, a bulk run's next batch, later automation
 * steps, imports and webhooks. A runner claims due rows in one statement (`for update skip locked`)
 * and leases them; a runner that dies mid-job leaves a lease that runs out, and the job is claimed
 * again — so the owning capability's function must be safe to repeat (an email keeps its idempotency key).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Which capability's function runs it: "email.deliver", "bulk.prepare", … (lib/jobs/handlers.ts). */
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Enqueueing the same key twice keeps the first job: "email:<id>" is delivered by one job only. */
    key: text(),
    state: text().$type<JobState>().notNull().default("pending"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    /** While running: the claim's lease. A lease in the past means its runner died; the job is claimable again. */
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_key_idx").on(t.key),
    index("jobs_due_idx").on(t.dueAt, t.id).where(sql`${t.state} = 'pending'`),
    index("jobs_lease_idx").on(t.lockedUntil).where(sql`${t.state} = 'running'`),
    index("jobs_failed_idx").on(t.kind, t.updatedAt).where(sql`${t.state} = 'failed'`),
  ],
);
