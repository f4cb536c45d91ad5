import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { updateCard } from "@/lib/cards/update-card";
import { completeTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { instantToZoned } from "@/lib/time/org-time";
import type { CardPlan, PlannedTodo } from "./card-plan";

/**
 * Plays a card's plan through the real verbs, each with a `now` set back to when it happened, so
 * the history, versions and denormalised columns are exactly what the product writes.
 */
export async function playPlan(db: Db, plan: CardPlan, actors: Map<string, Actor>, timeZone: string): Promise<string> {
  const ctx = (userId: string, now: Date) => {
    const actor = actors.get(userId);
    if (!actor) throw new Error(`No demo actor ${userId}`);
    return { actor, db, now };
  };
  const { cardId } = await createCard(ctx(plan.createdById, plan.createdAt), {
    moduleId: plan.moduleId,
    name: plan.name,
    statusId: plan.statusId,
    ownerId: plan.ownerId,
    values: plan.values,
    contactIds: plan.contactIds,
  });
  const addTodo = (t: PlannedTodo) =>
    createTodo(ctx(t.createdById, t.createdAt), { cardId, text: t.text, type: t.type, assigneeId: t.assigneeId, ...instantToZoned(t.deadline, timeZone) });

  let version = 1;
  for (const { done, update } of plan.steps) {
    for (const t of done) {
      const { todoId } = await addTodo(t);
      await completeTodo(ctx(t.assigneeId, t.completedAt!), { todoId });
    }
    const result = await updateCard(ctx(update.actorId, update.at), {
      cardId,
      version,
      statusId: update.statusId,
      ownerId: update.ownerId,
      values: update.values,
    });
    version = result.version;
  }
  for (const t of plan.open) await addTodo(t);
  return cardId;
}
