import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEnrolments, automationStepRuns, automationSteps } from "@/db/schema";
import { cancelJobs } from "@/lib/jobs/cancel";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { automationStepJob, stepRunJobKey } from "./jobs";
import { loadCalendars, stepDueAt } from "./timing";

/** A card entering an automation: with steps (a newcomer), or without (inside already at an "only new cards" activation, or back too soon). */
export type EnrolTarget = { automationId: string; cardId: string; ownerId: string | null; withSteps: boolean };

export type StepRow = typeof automationSteps.$inferSelect;

/** Rows per statement: activation can enrol tens of thousands of cards. */
const chunk = 1000;

function* chunks<T>(items: T[], size = chunk): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Enrols cards, set-based, inside the caller's transaction (shared by syncEnrolments, the sweep and
 * activation): the enrolments (a card already inside — the unique partial index — is skipped, so a
 * racing second enrolment is a no-op), one step run per step of each new enrolment with steps, timed
 * by stepDueAt in the card's calendar (its owner's group), and one "automation.step" job per step run
 * due then, in the same transaction. 1,000 rows a statement; steps and calendars one query each.
 */
export async function enrolCards(tx: Db, targets: EnrolTarget[], now: Date, { steps: given }: { steps?: StepRow[] } = {}): Promise<{ enrolled: number; stepRuns: number }> {
  if (targets.length === 0) return { enrolled: 0, stepRuns: 0 };
  const inserted: { id: string; automationId: string; cardId: string; withSteps: boolean }[] = [];
  for (const part of chunks(targets)) {
    inserted.push(
      ...(await tx
        .insert(automationEnrolments)
        .values(part.map((t) => ({ automationId: t.automationId, cardId: t.cardId, withSteps: t.withSteps, enteredAt: now })))
        .onConflictDoNothing()
        .returning({ id: automationEnrolments.id, automationId: automationEnrolments.automationId, cardId: automationEnrolments.cardId, withSteps: automationEnrolments.withSteps })),
    );
  }
  const withSteps = inserted.filter((e) => e.withSteps);
  if (withSteps.length === 0) return { enrolled: inserted.length, stepRuns: 0 };

  const automationIds = [...new Set(withSteps.map((e) => e.automationId))];
  const steps =
    given ?? (await tx.select().from(automationSteps).where(inArray(automationSteps.automationId, automationIds)).orderBy(asc(automationSteps.position)));
  const stepsOf = new Map<string, StepRow[]>();
  for (const step of steps) stepsOf.set(step.automationId, [...(stepsOf.get(step.automationId) ?? []), step]);
  const ownerOf = new Map(targets.map((t) => [`${t.automationId}:${t.cardId}`, t.ownerId]));
  const calendarOf = await loadCalendars(tx, [...ownerOf.values()]);

  const runs: (typeof automationStepRuns.$inferInsert & { id: string; dueAt: Date })[] = [];
  for (const enrolment of withSteps) {
    const calendar = calendarOf(ownerOf.get(`${enrolment.automationId}:${enrolment.cardId}`) ?? null);
    for (const step of stepsOf.get(enrolment.automationId) ?? []) {
      runs.push({
        id: crypto.randomUUID(),
        automationId: enrolment.automationId,
        stepId: step.id,
        enrolmentId: enrolment.id,
        cardId: enrolment.cardId,
        dueAt: stepDueAt(now, step, calendar),
        createdAt: now,
      });
    }
  }
  for (const part of chunks(runs)) await tx.insert(automationStepRuns).values(part);
  await enqueueJobs(
    tx,
    runs.map((r) => ({ kind: automationStepJob, key: stepRunJobKey(r.id), payload: { stepRunId: r.id }, dueAt: r.dueAt })),
    now,
  );
  return { enrolled: inserted.length, stepRuns: runs.length };
}

/**
 * Cards leave (no longer qualifying, trashed, the automation switched off): their active enrolments
 * become 'left' at `now`, their pending step runs 'cancelled' and those runs' jobs called off, in the
 * caller's transaction. By enrolment ids, or every active enrolment of one automation.
 */
export async function leaveEnrolments(tx: Db, which: { enrolmentIds: string[] } | { automationId: string }, now: Date): Promise<{ left: number; cancelled: number }> {
  const cancelledIds: string[] = [];
  let left = 0;
  const leave = async (enrolmentWhere: ReturnType<typeof and>, runWhere: ReturnType<typeof and>) => {
    left += (await tx.update(automationEnrolments).set({ state: "left", leftAt: now }).where(enrolmentWhere).returning({ id: automationEnrolments.id })).length;
    const runs = await tx.update(automationStepRuns).set({ state: "cancelled", finishedAt: now }).where(runWhere).returning({ id: automationStepRuns.id });
    cancelledIds.push(...runs.map((r) => r.id));
  };
  if ("automationId" in which) {
    await leave(
      and(eq(automationEnrolments.automationId, which.automationId), eq(automationEnrolments.state, "active")),
      and(eq(automationStepRuns.automationId, which.automationId), eq(automationStepRuns.state, "pending")),
    );
  } else {
    for (const part of chunks(which.enrolmentIds)) {
      await leave(
        and(inArray(automationEnrolments.id, part), eq(automationEnrolments.state, "active")),
        and(inArray(automationStepRuns.enrolmentId, part), eq(automationStepRuns.state, "pending")),
      );
    }
  }
  await cancelJobs(tx, cancelledIds.map(stepRunJobKey), now);
  return { left, cancelled: cancelledIds.length };
}
