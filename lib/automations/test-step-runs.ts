import type { Db } from "@/db/client";
import { automationEnrolments, automations, automationSteps, automationStepRuns } from "@/db/schema";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { automationStepJob, stepRunJobKey } from "./jobs";

type StepValues = Partial<typeof automationSteps.$inferInsert> & Pick<typeof automationSteps.$inferInsert, "kind" | "recipient">;

/**
 * For execution tests: an active automation (status trigger unless given) with these steps, written
 * straight into the tables — enrolment's verbs are tested on their own.
 */
export async function seedAutomation(db: Db, values: Partial<typeof automations.$inferInsert> & Pick<typeof automations.$inferInsert, "moduleId">, steps: StepValues[]) {
  const [automation] = await db
    .insert(automations)
    .values({ name: "Follow-up", trigger: "status", state: "active", activatedAt: new Date("2026-05-01T08:00:00Z"), ...values })
    .returning();
  const stepRows = steps.length ? await db.insert(automationSteps).values(steps.map((s, i) => ({ automationId: automation.id, position: i, ...s }))).returning() : [];
  return { automation, steps: stepRows };
}

/**
 * Enrols cards (one active enrolment each) and writes one pending step run + its job per (card, step),
 * due at `dueAt`, in bulk (1,000 rows a statement) — as enrolment does. Returns the step run ids.
 */
export async function seedStepRuns(db: Db, { automationId, stepIds, cardIds, dueAt, enteredAt = dueAt }: { automationId: string; stepIds: string[]; cardIds: string[]; dueAt: Date; enteredAt?: Date }) {
  const enrolments: { id: string; cardId: string }[] = [];
  for (let i = 0; i < cardIds.length; i += 1000) {
    enrolments.push(
      ...(await db
        .insert(automationEnrolments)
        .values(cardIds.slice(i, i + 1000).map((cardId) => ({ automationId, cardId, enteredAt })))
        .returning({ id: automationEnrolments.id, cardId: automationEnrolments.cardId })),
    );
  }
  const runs = enrolments.flatMap((e) => stepIds.map((stepId) => ({ automationId, stepId, enrolmentId: e.id, cardId: e.cardId, dueAt })));
  const ids: string[] = [];
  for (let i = 0; i < runs.length; i += 1000) {
    const rows = await db.insert(automationStepRuns).values(runs.slice(i, i + 1000)).returning({ id: automationStepRuns.id });
    ids.push(...rows.map((r) => r.id));
  }
  await enqueueJobs(db, ids.map((id) => ({ kind: automationStepJob, key: stepRunJobKey(id), payload: { stepRunId: id }, dueAt })), dueAt);
  return { stepRunIds: ids, enrolmentIds: enrolments.map((e) => e.id) };
}
