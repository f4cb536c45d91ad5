/**
 * After a transaction that enqueued jobs committed: wakes this process's runner (embedded default)
 * and, with Inngest configured (INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY), sends one event per job so
 * an Inngest function drives it (event id = the job's key: a duplicate is ignored by Inngest).
 */
type EnqueuedJob = { kind: string; dueAt: Date; key?: string };
type Waker = (jobs: EnqueuedJob[]) => void;

const globalForJobs = globalThis as unknown as { __crmJobWakers?: Set<Waker> };

export function onJobsEnqueued(waker: Waker): () => void {
  globalForJobs.__crmJobWakers ??= new Set();
  globalForJobs.__crmJobWakers.add(waker);
  return () => globalForJobs.__crmJobWakers?.delete(waker);
}

export function jobsEnqueued(jobs: EnqueuedJob[] = []): void {
  for (const waker of globalForJobs.__crmJobWakers ?? []) waker(jobs);
  if (process.env.INNGEST_EVENT_KEY && process.env.INNGEST_SIGNING_KEY) {
    // Loaded lazily: the Inngest client (and the handlers it drives) only where Inngest is used.
    void import("@/inngest/send-jobs").then(({ sendJobEvents }) => sendJobEvents(jobs)).catch((error) => console.error("inngest send:", error));
  }
}
