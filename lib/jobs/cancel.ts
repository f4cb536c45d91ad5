import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { noteJobsCancelled } from "./wake";

/**
 * Calls off pending jobs inside the caller's transaction (an automation's step runs when the card
 * leaves). A job already running finishes, and its function sees that its work was cancelled (the
 * step run's own state says so). Their Inngest functions are cancelled after commit.
 */
export async function cancelJobs(tx: Db, keys: string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    await tx
      .update(jobs)
      .set({ state: "cancelled", finishedAt: now, updatedAt: now })
      .where(and(inArray(jobs.key, chunk), eq(jobs.state, "pending")));
  }
  noteJobsCancelled(keys);
}
