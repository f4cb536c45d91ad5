import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEnrolments, automations } from "@/db/schema";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { JobHandler } from "@/lib/jobs/types";
import { automationSweepJob } from "./jobs";
import { publishAutomationsChanged } from "./publish-automations-changed";
import { cardsQualifyingNow, loadAutomations } from "./qualify";
import { reconcileEnrolments, relevantEnrolments, selectEnrolments } from "./sync-enrolments";

/**
 * How often active automations are re-checked: view conditions change with time alone ("no activity
 * for 7 days"), and a card written in the instant an automation was activated (its write did not see
 * the automation yet, activation did not see the write) is caught within one interval.
 */
export const sweepIntervalMs = 10 * 60 * 1000;

/** The next 10-minute slot after `now` (…:00, :10, :20 …): one sweep job per slot, whoever enqueues it. */
export const nextSweepSlot = (now: Date): Date => new Date((Math.floor(now.getTime() / sweepIntervalMs) + 1) * sweepIntervalMs);

export const sweepJobKey = (dueAt: Date) => `${automationSweepJob}:${dueAt.toISOString()}`;

/** Enqueues the sweep of the next slot (a no-op when it is already there: the key is the slot). In the caller's transaction. */
export async function enqueueSweep(tx: Db, now: Date): Promise<void> {
  const dueAt = nextSweepSlot(now);
  await enqueueJobs(tx, [{ kind: automationSweepJob, key: sweepJobKey(dueAt), payload: {}, dueAt }], now);
}

/**
 * The "automations.sweep" job: every active automation re-checked against the whole module,
 * set-based (one query for the cards qualifying now, one for its enrolments, then the same
 * reconciliation a card write does: newcomers enter, cards no longer matching leave). One transaction
 * per automation, holding it FOR SHARE so a switch-off waits. Re-enqueues itself for the next slot
 * while any active automation exists; when none is left, the chain ends (activation restarts it).
 */
export const sweepEnrolments: JobHandler = async ({ db, now }) => {
  const active = eq(automations.state, "active");
  const candidates = await db.select({ id: automations.id, moduleId: automations.moduleId }).from(automations).where(active);
  const changedModules = new Set<string>();
  for (const candidate of candidates) {
    await db.transaction(async (tx) => {
      const locked = await tx.select({ id: automations.id }).from(automations).where(and(eq(automations.id, candidate.id), active)).for("share");
      if (locked.length === 0) return; // switched off meanwhile
      const [loaded] = await loadAutomations(tx, eq(automations.id, candidate.id), now);
      const cards = await cardsQualifyingNow(tx, loaded);
      const qualifying = new Map([[candidate.id, new Set(cards.map((c) => c.id))]]);
      const owners = new Map(cards.map((c) => [c.id, c.ownerId]));
      const enrolments = await selectEnrolments(tx, and(eq(automationEnrolments.automationId, candidate.id), relevantEnrolments(now)));
      const { entered, left } = await reconcileEnrolments(tx, [loaded], qualifying, owners, enrolments, now);
      if (entered || left) changedModules.add(candidate.moduleId);
    });
  }
  if (candidates.length) {
    const [still] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(automations).where(active);
    if (still.n > 0) await db.transaction((tx) => enqueueSweep(tx, now));
  }
  if (changedModules.size) {
    for (const moduleId of changedModules) publishAutomationsChanged(moduleId);
  }
  return { done: true };
};
