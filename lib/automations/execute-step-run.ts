import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationStepRuns, type AutomationStepKind, type StepSkipReason } from "@/db/schema";
import { queueEmails } from "@/lib/email/queue-email";
import { recordHistory } from "@/lib/history/record-history";
import type { JobHandler } from "@/lib/jobs/types";
import { publishStepRunOutcome } from "./publish-step-run";
import { qualifyingCards } from "./qualify";
import { prepareStepEmails } from "./step-email";
import { lockStepRun, type StepRunFacts } from "./step-run-facts";
import { insertStepTodo, prepareStepTodo } from "./step-todo";

/** What one execution did, for the live events after commit. */
export type StepRunOutcome = {
  stepRunId: string;
  automationId: string;
  moduleId: string;
  cardId: string;
  kind: AutomationStepKind;
  outcome: "done" | "skipped";
  reason?: StepSkipReason;
  emailIds?: string[];
  todoId?: string;
};

/**
 * The re-check before a step runs, cheapest first: the automation still active, the card still
 * enrolled, live, and qualifying (its status or view, within the automation's group scope).
 */
async function skipReason(tx: Db, facts: StepRunFacts): Promise<StepSkipReason | null> {
  const { automation, enrolment, card, now } = facts;
  if (automation.state !== "active") return "automation_off";
  if (enrolment.state !== "active") return "card_left";
  if (card.deletedAt) return "card_trashed";
  // A status automation without a group scope asks only the card's row, which is locked in hand.
  if (automation.trigger === "status" && !automation.scopeGroupIds) return card.moduleId === automation.moduleId && card.statusId === automation.statusId ? null : "card_left";
  if (!(await qualifyingCards(tx, automation, [card.id], now)).has(card.id)) return "card_left";
  return null;
}

/**
 * Executes one step run exactly once, or not at all: null when it is gone or no longer pending (done,
 * skipped, cancelled — by an earlier execution, another runner, or the card leaving). Otherwise ONE
 * transaction locks the card and the step run, re-checks, performs the step (its emails queued with
 * their delivery jobs, or its todo created — ids derived from the step run's id), writes the card's
 * history entry (kind "automation_step", no actor) and the step run's outcome. A crash anywhere before
 * the commit leaves it pending for the next attempt; after the commit, nothing is left to repeat.
 */
export async function runStepRun(db: Db, stepRunId: string, now: Date): Promise<StepRunOutcome | null> {
  const [peek] = await db.select({ state: automationStepRuns.state, cardId: automationStepRuns.cardId }).from(automationStepRuns).where(eq(automationStepRuns.id, stepRunId));
  if (!peek || peek.state !== "pending") return null;
  return db.transaction(async (tx) => {
    const facts = await lockStepRun(tx, stepRunId, peek.cardId, now);
    if (!facts || facts.stepRun.state !== "pending") return null;
    const { step, automation, card, position } = facts;

    let skip = await skipReason(tx, facts);
    let emailIds: string[] | undefined;
    let to: string[] | undefined;
    let subject: string | undefined;
    let todo: { todoId: string; text: string; type: string; assigneeId: string; deadline: string } | undefined;
    if (!skip && step.kind === "todo_user") {
      const prepared = await prepareStepTodo(tx, facts);
      if ("skip" in prepared) skip = prepared.skip;
      else {
        await insertStepTodo(tx, facts, prepared);
        todo = { todoId: prepared.id, text: prepared.text, type: prepared.type, assigneeId: prepared.assigneeId, deadline: prepared.deadline.toISOString() };
      }
    } else if (!skip) {
      const prepared = await prepareStepEmails(tx, facts);
      if ("skip" in prepared) skip = prepared.skip;
      else {
        emailIds = await queueEmails(tx, prepared.emails, now);
        to = prepared.to;
        subject = prepared.emails[0]?.subject;
      }
    }

    const outcome = skip ? ("skipped" as const) : ("done" as const);
    await recordHistory(tx, null, now, [
      {
        cardId: card.id,
        kind: "automation_step",
        data: {
          automationId: automation.id,
          automationName: automation.name,
          stepId: step.id,
          position,
          action: step.kind,
          outcome,
          ...(skip ? { reason: skip } : {}),
          ...(emailIds ? { emailIds, to, subject } : {}),
          ...(todo ?? {}),
        },
      },
    ]);
    await tx
      .update(automationStepRuns)
      .set({ state: outcome, reason: skip, emailIds: emailIds ?? null, todoId: todo?.todoId ?? null, finishedAt: now })
      .where(eq(automationStepRuns.id, stepRunId));
    return {
      stepRunId,
      automationId: automation.id,
      moduleId: card.moduleId,
      cardId: card.id,
      kind: step.kind,
      outcome,
      ...(skip ? { reason: skip } : {}),
      ...(emailIds ? { emailIds } : {}),
      ...(todo ? { todoId: todo.todoId } : {}),
    } satisfies StepRunOutcome;
  });
}

/**
 * The "automation.step" job's function, for the embedded runner and Inngest alike: runs the step run
 * once (`runStepRun`), then — after the commit, as no request is there to do it — tells the card's
 * audience (a new todo reaches My todos live; an email's history entry refetches) and the module's
 * Automations page. Its emails' delivery jobs are announced by the runner once the job finished.
 */
export const executeStepRun: JobHandler = async ({ db, now, job }) => {
  const stepRunId = typeof job.payload.stepRunId === "string" ? job.payload.stepRunId : null;
  if (!stepRunId) return { failed: "step run id missing" };
  const outcome = await runStepRun(db, stepRunId, now);
  if (outcome) await publishStepRunOutcome(db, outcome).catch((error) => console.error("publish step run:", error));
  return { done: true };
};
