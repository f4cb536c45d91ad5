import type { Db } from "@/db/client";
import type { jobs } from "@/db/schema";

export type Job = typeof jobs.$inferSelect;

/** What a job's function reports; a thrown error counts as `{ retry: message }` (with back-off). */
export type JobOutcome =
  | { done: true }
  /**
   * Try again later: at `at`, or after the runner's back-off for this attempt. `rateLimited`: the
   * provider asked us to slow down (a 429 with Retry-After) — the attempt is not counted.
   */
  | { retry: string; at?: Date; rateLimited?: boolean }
  /** Give up: the job is failed and waits for a person to retry it by hand. */
  | { failed: string };

/** The owning capability's function for one kind of job. It must be safe to run again after a crash. */
export type JobHandler = (ctx: { db: Db; now: Date; job: Job }) => Promise<JobOutcome>;

export type NewJob = {
  kind: string;
  payload?: Record<string, unknown>;
  /** Defaults to now. */
  dueAt?: Date;
  /** Enqueueing an existing key does nothing (the first job stays): one delivery job per email. */
  key?: string;
  maxAttempts?: number;
};
