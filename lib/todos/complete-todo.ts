import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { cards, todos } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { getTodoOrThrow } from "./get-todo-or-throw";
import { refreshCardTodos } from "./refresh-card-todos";
import { todoFacts } from "./todo-facts";
import { todoIdSchema } from "./todo-input";

/** Marks a todo done: it leaves the open lists and lands in the card's history with who and when. */
export async function completeTodo({ actor, db, now }: Ctx, raw: { todoId: string }) {
  if (!can(actor, "todos.manage")) throw forbidden();
  const { todoId } = todoIdSchema.parse(raw);
  const todo = await getTodoOrThrow(db, actor, todoId);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(todos)
      .set({ completedAt: now, completedById: actor.id, updatedAt: now })
      .where(and(eq(todos.id, todo.id), isNull(todos.completedAt)))
      .returning({ id: todos.id });
    if (done.length === 0) throw conflict("todo_already_completed");
    await tx.update(cards).set({ lastActivityAt: now }).where(eq(cards.id, todo.cardId));
    await refreshCardTodos(tx, todo.cardId);
    await recordHistory(tx, actor.id, now, [{ cardId: todo.cardId, kind: "todo_completed", data: todoFacts(todo) }]);
  });
  return { todoId: todo.id, cardId: todo.cardId, moduleId: todo.moduleId, assigneeId: todo.assigneeId };
}

/** Reopens a completed todo (e.g. ticked by mistake). */
export async function reopenTodo({ actor, db, now }: Ctx, raw: { todoId: string }) {
  if (!can(actor, "todos.manage")) throw forbidden();
  const { todoId } = todoIdSchema.parse(raw);
  const todo = await getTodoOrThrow(db, actor, todoId);
  await db.transaction(async (tx) => {
    const reopened = await tx
      .update(todos)
      .set({ completedAt: null, completedById: null, updatedAt: now })
      .where(and(eq(todos.id, todo.id), isNotNull(todos.completedAt)))
      .returning({ id: todos.id });
    if (reopened.length === 0) throw conflict("todo_not_completed");
    await tx.update(cards).set({ lastActivityAt: now }).where(eq(cards.id, todo.cardId));
    await refreshCardTodos(tx, todo.cardId);
    await recordHistory(tx, actor.id, now, [{ cardId: todo.cardId, kind: "todo_reopened", data: todoFacts(todo) }]);
  });
  return { todoId: todo.id, cardId: todo.cardId, moduleId: todo.moduleId, assigneeId: todo.assigneeId };
}
