/**
 * After a transaction that enqueued jobs committed: wakes this process's runner (embedded default)
 * and, with Inngest configured, sends one event per job so an Inngest function drives it.
 * STAND-IN (helper "jobs" replaces the body): the runner registers its wake function here.
 */
type Waker = (jobs: { kind: string; dueAt: Date; key?: string }[]) => void;

const globalForJobs = globalThis as unknown as { __crmJobWakers?: Set<Waker> };

export function onJobsEnqueued(waker: Waker): () => void {
  globalForJobs.__crmJobWakers ??= new Set();
  globalForJobs.__crmJobWakers.add(waker);
  return () => globalForJobs.__crmJobWakers?.delete(waker);
}

export function jobsEnqueued(jobs: { kind: string; dueAt: Date; key?: string }[] = []): void {
  for (const waker of globalForJobs.__crmJobWakers ?? []) waker(jobs);
}
