import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEnrolments, automations, automationSteps, automationStepRuns, cards } from "@/db/schema";
import { organisationSettings } from "@/lib/bulk-email/plan-bulk-run";
import type { Locale } from "@/lib/email/variable-values";

export type StepRunFacts = {
  now: Date;
  stepRun: typeof automationStepRuns.$inferSelect;
  step: typeof automationSteps.$inferSelect;
  /** The step's place in its automation, 1-based. */
  position: number;
  automation: typeof automations.$inferSelect;
  enrolment: typeof automationEnrolments.$inferSelect;
  card: typeof cards.$inferSelect;
  /** The organisation's zone and language, read once when first needed. */
  org: () => Promise<{ timeZone: string; locale: Locale }>;
};

/**
 * Inside the execution's transaction: locks the card (`for no key update`, the lock every card write
 * takes first, so a write that cancels this step run and this execution queue in one order and cannot
 * deadlock) and then the step run (`for update`: a second execution waits here and then sees it is no
 * longer pending), reading with it what the re-check needs. Null when the step run (or its step:
 * deleted with it) is gone.
 */
export async function lockStepRun(tx: Db, stepRunId: string, cardId: string, now: Date): Promise<StepRunFacts | null> {
  const [card] = await tx.select().from(cards).where(eq(cards.id, cardId)).for("no key update");
  if (!card) return null;
  const [row] = await tx
    .select({
      stepRun: automationStepRuns,
      step: automationSteps,
      automation: automations,
      enrolment: automationEnrolments,
      position: sql<number>`(select count(*)::int from ${automationSteps} s where s.automation_id = ${automationSteps.automationId} and s.position <= ${automationSteps.position})`,
    })
    .from(automationStepRuns)
    .innerJoin(automationSteps, eq(automationSteps.id, automationStepRuns.stepId))
    .innerJoin(automations, eq(automations.id, automationStepRuns.automationId))
    .innerJoin(automationEnrolments, eq(automationEnrolments.id, automationStepRuns.enrolmentId))
    .where(and(eq(automationStepRuns.id, stepRunId), eq(automationStepRuns.cardId, cardId)))
    .for("update", { of: automationStepRuns });
  if (!row) return null;
  let org: ReturnType<typeof organisationSettings> | undefined;
  return { now, card, ...row, position: Number(row.position), org: () => (org ??= organisationSettings(tx)) };
}
