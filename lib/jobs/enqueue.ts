import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { NewJob } from "./types";

/**
 * Adds jobs inside the caller's transaction, so the work and its job commit together (or neither).
 * After commit, call `jobsEnqueued()` so a runner picks them up now rather than at its next sweep.
 */
export async function enqueueJobs(tx: Db, newJobs: NewJob[], now: Date): Promise<void> {
  if (newJobs.length === 0) return;
  await tx
    .insert(jobs)
    .values(newJobs.map((j) => ({ kind: j.kind, payload: j.payload ?? {}, key: j.key, dueAt: j.dueAt ?? now, maxAttempts: j.maxAttempts ?? 8, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: jobs.key });
}
