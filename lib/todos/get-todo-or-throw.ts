import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, todos } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { notFound } from "@/lib/errors";

/** A todo on a live card the actor may see (trashed todos too, with `includeTrashed`), or NotFound. */
export async function getTodoOrThrow(db: Db, actor: Actor, todoId: string, { includeTrashed = false } = {}) {
  const [row] = await db
    .select({ todo: todos, cardModuleId: cards.moduleId })
    .from(todos)
    .innerJoin(cards, eq(cards.id, todos.cardId))
    .where(and(eq(todos.id, todoId), isNull(cards.deletedAt), includeTrashed ? undefined : isNull(todos.deletedAt), visibleCardsCondition(actor)));
  if (!row) throw notFound("todo_not_found");
  return row.todo;
}
