import { eq } from "drizzle-orm";
import { cards, todos } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { instantToZoned, zonedToInstant } from "@/lib/time/org-time";
import { assertAssigneeSeesCard } from "./assert-assignee";
import { getTodoOrThrow } from "./get-todo-or-throw";
import { refreshCardTodos } from "./refresh-card-todos";
import { updateTodoSchema, type UpdateTodoInput } from "./todo-input";

/** Edits an open todo's text, type, assignee (an active user who may see the card) or deadline. */
export async function updateTodo({ actor, db, now }: Ctx, raw: UpdateTodoInput) {
  if (!can(actor, "todos.manage")) throw forbidden();
  const input = updateTodoSchema.parse(raw);
  const todo = await getTodoOrThrow(db, actor, input.todoId);
  if (todo.completedAt) throw conflict("todo_completed");
  if (input.assigneeId && input.assigneeId !== todo.assigneeId) await assertAssigneeSeesCard(db, todo.cardId, input.assigneeId);

  let deadline = todo.deadline;
  if (input.date || input.time) {
    const timeZone = (await getOrganisation(db))?.timeZone ?? "Europe/Budapest";
    const current = instantToZoned(todo.deadline, timeZone);
    deadline = zonedToInstant(input.date ?? current.date, input.time ?? current.time, timeZone);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(todos)
      .set({ text: input.text, type: input.type, assigneeId: input.assigneeId, deadline, updatedAt: now })
      .where(eq(todos.id, todo.id));
    await tx.update(cards).set({ lastActivityAt: now }).where(eq(cards.id, todo.cardId));
    await refreshCardTodos(tx, todo.cardId);
  });
  return { todoId: todo.id, cardId: todo.cardId, moduleId: todo.moduleId, assigneeIds: [...new Set([todo.assigneeId, input.assigneeId ?? todo.assigneeId])], deadline };
}
