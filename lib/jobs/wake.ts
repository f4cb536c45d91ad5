import { AsyncLocalStorage } from "node:async_hooks";

/**
 * After a transaction that enqueued (or cancelled) jobs committed: wakes this process's runner
 * (embedded default) and, with Inngest configured (INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY), sends
 * one event per job so an Inngest function drives it (event id = the job's key: a duplicate is
 * ignored by Inngest), and one cancellation event per called-off job (its function's `cancelOn`).
 */
export type EnqueuedJob = { kind: string; dueAt: Date; key?: string };
type Waker = (jobs: EnqueuedJob[]) => void;

const globalForJobs = globalThis as unknown as { __crmJobWakers?: Set<Waker> };

export function onJobsEnqueued(waker: Waker): () => void {
  globalForJobs.__crmJobWakers ??= new Set();
  globalForJobs.__crmJobWakers.add(waker);
  return () => globalForJobs.__crmJobWakers?.delete(waker);
}

const inngestConfigured = () => Boolean(process.env.INNGEST_EVENT_KEY && process.env.INNGEST_SIGNING_KEY);

export function jobsEnqueued(jobs: EnqueuedJob[] = []): void {
  for (const waker of globalForJobs.__crmJobWakers ?? []) waker(jobs);
  if (inngestConfigured()) {
    // Loaded lazily: the Inngest client (and the handlers it drives) only where Inngest is used.
    void import("@/inngest/send-jobs").then(({ sendJobEvents }) => sendJobEvents(jobs)).catch((error) => console.error("inngest send:", error));
  }
}

/** After commit: these keyed jobs were cancelled (lib/jobs/cancel.ts); their Inngest functions stop sleeping. */
export function jobsCancelled(keys: string[]): void {
  if (keys.length === 0 || !inngestConfigured()) return;
  void import("@/inngest/send-jobs").then(({ sendCancelEvents }) => sendCancelEvents(keys)).catch((error) => console.error("inngest send:", error));
}

type Announcements = { enqueued: EnqueuedJob[]; cancelled: string[] };
const pending = new AsyncLocalStorage<Announcements>();

/**
 * Runs `work` (a server action, a job) and, once it has finished — its transactions committed —
 * announces every job that code deep inside it enqueued or cancelled (`noteJobsEnqueued`): an
 * automation enrolment made by `recordHistory` inside some card verb's transaction cannot announce
 * its step runs itself, and no action should have to remember to. If `work` throws, its
 * transactions rolled back: nothing is announced.
 */
export async function announcingJobs<T>(work: () => Promise<T>): Promise<T> {
  if (pending.getStore()) return work(); // an outer call announces
  const notes: Announcements = { enqueued: [], cancelled: [] };
  const result = await pending.run(notes, work);
  if (notes.enqueued.length) jobsEnqueued(notes.enqueued);
  jobsCancelled(notes.cancelled);
  return result;
}

/** Inside a transaction: remember jobs to announce after `announcingJobs`' work. Outside one, nothing (scripts, tests: runners sweep). */
export function noteJobsEnqueued(jobs: EnqueuedJob[]): void {
  pending.getStore()?.enqueued.push(...jobs);
}

export function noteJobsCancelled(keys: string[]): void {
  pending.getStore()?.cancelled.push(...keys);
}
