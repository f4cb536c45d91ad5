import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { todos, todoTemplates, type StepSkipReason, type TodoType } from "@/db/schema";
import { todoFromTemplate } from "@/lib/templates/todo-from-template";
import { refreshCardTodos } from "@/lib/todos/refresh-card-todos";
import { resolveStepUser } from "./step-recipients";
import { stepRunPartId } from "./step-run-ids";
import type { StepRunFacts } from "./step-run-facts";

export type StepTodo = { id: string; text: string; type: TodoType; deadline: Date; assigneeId: string };

/**
 * The todo a "todo for user" step creates: from its live todo template (text, type, deadline days and
 * time on the organisation's clock, counted from now; else "template_trashed"), or written in place
 * (deadline: the step run's due time); for the user the step names (the card's owner or the chosen
 * user), who must be active and see the card — the rule `createTodo` applies to a person's todo.
 */
export async function prepareStepTodo(db: Db, facts: StepRunFacts): Promise<StepTodo | { skip: StepSkipReason }> {
  const { step, card, stepRun, now } = facts;
  let shape: { text: string; type: TodoType; deadline: Date };
  if (step.todoTemplateId) {
    const [template] = await db.select().from(todoTemplates).where(and(eq(todoTemplates.id, step.todoTemplateId), isNull(todoTemplates.deletedAt)));
    if (!template) return { skip: "template_trashed" };
    const { timeZone } = await facts.org();
    shape = todoFromTemplate(template, { now, timeZone, cardOwnerId: card.ownerId });
  } else {
    if (!step.todoText) return { skip: "template_trashed" };
    shape = { text: step.todoText, type: step.todoType ?? "task", deadline: stepRun.dueAt };
  }
  const assignee = await resolveStepUser(db, { rule: step.recipient as "card_owner" | "user", userId: step.userId, cardId: card.id, ownerId: card.ownerId, mustSeeCard: true }, { none: "no_recipient", inactive: "recipient_inactive" });
  if ("skip" in assignee) return assignee;
  return { id: stepRunPartId(stepRun.id, "todo"), ...shape, assigneeId: assignee.user.id };
}

/** Inserts the todo in the caller's transaction, as `createTodo` does (no creator: the automation made it), and refreshes the card's todo columns. */
export async function insertStepTodo(tx: Db, facts: StepRunFacts, todo: StepTodo): Promise<void> {
  const { card, now } = facts;
  await tx.insert(todos).values({ id: todo.id, cardId: card.id, moduleId: card.moduleId, text: todo.text, type: todo.type, assigneeId: todo.assigneeId, deadline: todo.deadline, createdById: null, createdAt: now, updatedAt: now });
  await refreshCardTodos(tx, card.id);
}
