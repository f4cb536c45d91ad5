import { inngest } from "./client";
import { jobCancelledEvent, jobDueEvent, jobsEnqueuedEvent, type JobDueData } from "./jobs";

type OutgoingEvent = { id?: string; name: string; data: Record<string, unknown> };

/**
 * One event per keyed job (its key is the event id, so sending twice is harmless), and one sweep
 * event for jobs enqueued without details. Failing to reach Inngest loses nothing: the job rows
 * are durable and the cron sweep (and the embedded runner) still find them.
 */
export async function sendJobEvents(jobs: { kind: string; dueAt: Date; key?: string }[]): Promise<void> {
  const events: OutgoingEvent[] = [];
  for (const j of jobs) if (j.key) events.push({ id: j.key, name: jobDueEvent, data: { key: j.key, dueAt: j.dueAt.toISOString() } satisfies JobDueData });
  if (events.length < jobs.length || jobs.length === 0) events.push({ name: jobsEnqueuedEvent, data: {} });
  for (let i = 0; i < events.length; i += 500) await inngest.send(events.slice(i, i + 500));
}

/** One event per cancelled job: its sleeping run-job function is cancelled (`cancelOn` matches the key). */
export async function sendCancelEvents(keys: string[]): Promise<void> {
  const events = keys.map((key) => ({ id: `cancel:${key}`, name: jobCancelledEvent, data: { key } }));
  for (let i = 0; i < events.length; i += 500) await inngest.send(events.slice(i, i + 500));
}
