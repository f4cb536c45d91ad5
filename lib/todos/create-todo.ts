import { eq } from "drizzle-orm";
import { cards, todos } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { forbidden } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { zonedToInstant } from "@/lib/time/org-time";
import { assertAssigneeSeesCard } from "./assert-assignee";
import { refreshCardTodos } from "./refresh-card-todos";
import { createTodoSchema, type CreateTodoInput } from "./todo-input";

/** Adds a todo to a card, for an active user who may see the card, due at a date + hour:minute on the organisation's clock. */
export async function createTodo({ actor, db, now }: Ctx, raw: CreateTodoInput) {
  if (!can(actor, "todos.manage")) throw forbidden();
  const input = createTodoSchema.parse(raw);
  const card = await getVisibleCardOrThrow(db, actor, input.cardId);
  await assertAssigneeSeesCard(db, card.id, input.assigneeId);
  const timeZone = (await getOrganisation(db))?.timeZone ?? "Europe/Budapest";
  const deadline = zonedToInstant(input.date, input.time, timeZone);

  const todo = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(todos)
      .values({
        cardId: card.id,
        moduleId: card.moduleId,
        text: input.text,
        type: input.type,
        assigneeId: input.assigneeId,
        deadline,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.update(cards).set({ lastActivityAt: now }).where(eq(cards.id, card.id));
    await refreshCardTodos(tx, card.id);
    return created;
  });
  return { todoId: todo.id, cardId: card.id, moduleId: card.moduleId, assigneeId: todo.assigneeId, deadline };
}
