import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { todos } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { todoFacts } from "./todo-facts";
import { getTodoOrThrow } from "./get-todo-or-throw";
import { refreshCardTodos } from "./refresh-card-todos";
import { todoIdSchema } from "./todo-input";

/** Moves a todo to the trash; the card's history says so. */
export async function trashTodo({ actor, db, now }: Ctx, raw: { todoId: string }) {
  if (!can(actor, "todos.manage")) throw forbidden();
  const { todoId } = todoIdSchema.parse(raw);
  const todo = await getTodoOrThrow(db, actor, todoId);
  await db.transaction(async (tx) => {
    await tx.update(todos).set({ deletedAt: now, deletedById: actor.id, updatedAt: now }).where(and(eq(todos.id, todo.id), isNull(todos.deletedAt)));
    await refreshCardTodos(tx, todo.cardId);
    await recordHistory(tx, actor.id, now, [{ cardId: todo.cardId, kind: "todo_trashed", data: todoFacts(todo) }]);
  });
  return { todoId: todo.id, cardId: todo.cardId, moduleId: todo.moduleId, assigneeId: todo.assigneeId };
}

/** Restores a trashed todo (admins and managers, from the trash). */
export async function restoreTodo({ actor, db, now }: Ctx, raw: { todoId: string }) {
  if (!can(actor, "trash.restore")) throw forbidden();
  const { todoId } = todoIdSchema.parse(raw);
  const todo = await getTodoOrThrow(db, actor, todoId, { includeTrashed: true });
  if (!todo.deletedAt) throw conflict("todo_not_trashed");
  await db.transaction(async (tx) => {
    await tx.update(todos).set({ deletedAt: null, deletedById: null, updatedAt: now }).where(and(eq(todos.id, todo.id), isNotNull(todos.deletedAt)));
    await refreshCardTodos(tx, todo.cardId);
    await recordHistory(tx, actor.id, now, [{ cardId: todo.cardId, kind: "todo_restored", data: todoFacts(todo) }]);
  });
  return { todoId: todo.id, cardId: todo.cardId, moduleId: todo.moduleId, assigneeId: todo.assigneeId };
}
