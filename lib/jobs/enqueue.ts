import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { NewJob } from "./types";
import { noteJobsEnqueued } from "./wake";

/**
 * Adds jobs inside the caller's transaction, so the work and its job commit together (or neither).
 * Inside `announcingJobs` (every server action, every job) they are announced after commit, so a runner
 * (or Inngest) picks them up now rather than at its next sweep; elsewhere call `jobsEnqueued()` after commit.
 */
export async function enqueueJobs(tx: Db, newJobs: NewJob[], now: Date): Promise<void> {
  if (newJobs.length === 0) return;
  // 1,000 rows a statement: an automation's activation can enqueue tens of thousands of step runs.
  for (let i = 0; i < newJobs.length; i += 1000) {
    await tx
      .insert(jobs)
      .values(newJobs.slice(i, i + 1000).map((j) => ({ kind: j.kind, payload: j.payload ?? {}, key: j.key, dueAt: j.dueAt ?? now, maxAttempts: j.maxAttempts ?? 8, createdAt: now, updatedAt: now })))
      .onConflictDoNothing({ target: jobs.key });
  }
  noteJobsEnqueued(newJobs.map((j) => ({ kind: j.kind, dueAt: j.dueAt ?? now, key: j.key })));
}
