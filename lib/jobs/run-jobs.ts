import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import type { Job, JobHandler, JobOutcome } from "./types";
import { announcingJobs } from "./wake";
import { rowsOf } from "@/db/rows";

export type RunnerOptions = {
  db: Db;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  /** Names this runner's leases (lockedBy); unique per process by default. */
  runnerId?: string;
  /** How long a claim is this runner's; a lease in the past is reclaimed by anyone. */
  leaseMs?: number;
  /** Jobs in flight at once. */
  concurrency?: number;
  /** For back-off jitter; injectable so tests can pin it. */
  random?: () => number;
};

export const defaultLeaseMs = 5 * 60_000;
/**
 * Jobs in flight per runner. 16: most of a job is waiting on the database or the mail provider, and
 * bench:automations executes 10,000 due step runs in ~57 s at 16 against ~66 s at 8 (PostgreSQL, quiet
 * 2-core machine); each job holds a pooled connection only for its short transactions.
 */
export const defaultConcurrency = 16;
const backoffBaseMs = 10_000;
const backoffCapMs = 60 * 60_000;

/**
 * The wait before attempt `attempts + 1`: exponential (10 s, 20 s, 40 s … capped at 1 h) with
 * "equal jitter" (half fixed, half random), so many jobs failing together do not return together.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * Claims up to `limit` due jobs in ONE statement: pending ones whose time has come and running ones
 * whose lease ran out (their runner died). `for update skip locked` lets runners race safely: each
 * row goes to exactly one of them. The claim counts an attempt and leases the row.
 */
export async function claimJobs(
  db: Db,
  { now, limit, leaseMs = defaultLeaseMs, runnerId, key }: { now: Date; limit: number; leaseMs?: number; runnerId: string; /** Only this job (Inngest drives one job per event). */ key?: string },
): Promise<Job[]> {
  if (limit <= 0) return [];
  const onlyKey = key === undefined ? sql`` : sql`and key = ${key}`;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const at = sql`${now.toISOString()}::timestamptz`;
  // Two index-backed picks (jobs_due_idx, jobs_lease_idx) rather than one OR, which would scan and
  // sort every pending row on each claim. Each CTE locks its rows; the update takes at most `limit`.
  const rows = await db.execute(sql`
    with due as (
      select id from jobs where state = 'pending' and due_at <= ${at} ${onlyKey}
      order by due_at, id limit ${limit} for update skip locked
    ), expired as (
      select id from jobs where state = 'running' and locked_until < ${at} ${onlyKey}
      order by locked_until limit ${limit} for update skip locked
    )
    update jobs set state = 'running', attempts = attempts + 1, locked_until = ${leaseUntil.toISOString()}::timestamptz,
      locked_by = ${runnerId}, updated_at = ${at}
    where id in (select id from (select id from expired union all select id from due) picked limit ${limit})
    returning id`);
  const ids = rowsOf(rows).map((r) => Number(r.id));
  if (ids.length === 0) return [];
  // Re-read through drizzle for typed columns (camelCase, Dates) — these rows are ours now.
  return db.query.jobs.findMany({ where: (j, { inArray }) => inArray(j.id, ids), orderBy: (j, { asc }) => [asc(j.dueAt), asc(j.id)] });
}

/** Runs one claimed job's function and writes its outcome, if this runner still holds the claim. */
export async function runClaimedJob(opts: RunnerOptions & { runnerId: string }, job: Job): Promise<JobOutcome> {
  const { db, clock, handlers, random = Math.random } = opts;
  let outcome: JobOutcome;
  const handler = handlers[job.kind];
  if (!handler) outcome = { failed: `no handler for job kind "${job.kind}"` };
  else if (job.attempts > job.maxAttempts) outcome = { failed: job.lastError ?? "too many attempts" };
  else {
    try {
      // A job's own follow-ups (the next bulk batch, a todo's enrolments) are announced when it finished.
      outcome = await announcingJobs(() => handler({ db, now: clock.now(), job }));
    } catch (error) {
      outcome = { retry: error instanceof Error ? error.message : String(error) };
    }
  }
  await finishJob(db, job, opts.runnerId, outcome, clock.now(), random);
  return outcome;
}

/**
 * Writes the outcome in one statement, fenced by the claim (runner id and attempt number): a runner
 * whose lease expired and was taken over cannot overwrite the newer claim's outcome.
 */
export async function finishJob(db: Db, job: Job, runnerId: string, outcome: JobOutcome, now: Date, random: () => number = Math.random): Promise<void> {
  const fence = and(eq(jobs.id, job.id), eq(jobs.state, "running"), eq(jobs.lockedBy, runnerId), eq(jobs.attempts, job.attempts));
  const released = { lockedUntil: null, lockedBy: null, updatedAt: now };
  if ("done" in outcome) {
    await db.update(jobs).set({ ...released, state: "done", lastError: null, finishedAt: now }).where(fence);
  } else if ("failed" in outcome) {
    await db.update(jobs).set({ ...released, state: "failed", lastError: outcome.failed, finishedAt: now }).where(fence);
  } else if (!outcome.rateLimited && job.attempts >= job.maxAttempts) {
    await db.update(jobs).set({ ...released, state: "failed", lastError: outcome.retry, finishedAt: now }).where(fence);
  } else {
    const dueAt = outcome.at && outcome.at > now ? outcome.at : new Date(now.getTime() + (outcome.rateLimited ? 1_000 : backoffMs(job.attempts, random)));
    await db
      .update(jobs)
      .set({ ...released, state: "pending", dueAt, lastError: outcome.retry, attempts: outcome.rateLimited ? job.attempts - 1 : job.attempts })
      .where(fence);
  }
}

/**
 * Runs every due job until none is left, keeping up to `concurrency` in flight (claimed in small
 * batches as slots free up). Returns how many jobs ran.
 */
export async function runDueJobs(options: RunnerOptions, { shouldStop = () => false }: { shouldStop?: () => boolean } = {}): Promise<number> {
  const opts = { ...options, runnerId: options.runnerId ?? `runner-${randomUUID()}` };
  const concurrency = opts.concurrency ?? defaultConcurrency;
  const inFlight = new Set<Promise<void>>();
  let ran = 0;
  let drained = false;
  while (!shouldStop()) {
    if (!drained && inFlight.size <= concurrency / 2) {
      const claimed = await claimJobs(opts.db, { now: opts.clock.now(), limit: concurrency - inFlight.size, leaseMs: opts.leaseMs, runnerId: opts.runnerId });
      if (claimed.length === 0) drained = true;
      for (const job of claimed) {
        const p: Promise<void> = runClaimedJob(opts, job).then(
          () => void inFlight.delete(p),
          (error) => {
            inFlight.delete(p);
            console.error(`job ${job.id} (${job.kind}):`, error); // the lease runs out; the job is claimed again
          },
        );
        inFlight.add(p);
        ran++;
      }
    }
    if (inFlight.size === 0) {
      if (drained) break;
      continue;
    }
    await Promise.race(inFlight);
    drained = false; // a finished job may have enqueued more (the next bulk batch): look again
  }
  await Promise.all(inFlight);
  return ran;
}

/**
 * Runs the one job with this key if it is due and unclaimed (Inngest's per-job function). Nothing
 * happens when another runner has it or it is finished: the claim decides, exactly as for sweeps.
 */
export async function runJobByKey(options: RunnerOptions, key: string): Promise<{ ran: false } | { ran: true; outcome: JobOutcome; state: Job["state"]; dueAt: string }> {
  const opts = { ...options, runnerId: options.runnerId ?? `inngest-${randomUUID()}` };
  const [job] = await claimJobs(opts.db, { now: opts.clock.now(), limit: 1, leaseMs: opts.leaseMs, runnerId: opts.runnerId, key });
  if (!job) return { ran: false };
  const outcome = await runClaimedJob(opts, job);
  const [after] = await opts.db.select({ state: jobs.state, dueAt: jobs.dueAt }).from(jobs).where(eq(jobs.id, job.id));
  return { ran: true, outcome, state: after?.state ?? "done", dueAt: (after?.dueAt ?? opts.clock.now()).toISOString() };
}

/** When the runner should look next: the earliest pending due time or running lease end (null: no work). */
export async function nextWakeAt(db: Db): Promise<Date | null> {
  const rows = rowsOf(
    await db.execute(sql`select least(
      (select min(due_at) from jobs where state = 'pending'),
      (select min(locked_until) from jobs where state = 'running')) as at`),
  );
  const at = rows[0]?.at;
  return at ? new Date(at as string | Date) : null;
}
