import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { todos } from "@/db/schema";
import { loadUsersWithScope, usersSeeingCard } from "@/lib/cards/list-card-users";
import type { HistoryEntry } from "@/lib/history/record-history";
import { refreshCardTodos } from "./refresh-card-todos";

/**
 * After a card's owner changed, inside that transaction: open todos whose assignee can no longer see
 * the card (say, a Restricted user's todo on a card handed to a colleague) would vanish from their
 * My todos and lists while still blocking the card. They go to `to` — the new owner, or whoever made
 * the card unowned — and each gets a "todo_reassigned" history entry (returned, for the caller to
 * record with its own). A fixed number of queries, whatever the number of todos and assignees.
 */
export async function reassignTodosHiddenFromAssignees(
  tx: Db,
  { cardId, to, version, now }: { cardId: string; to: string; version: number; now: Date },
): Promise<{ entries: HistoryEntry[]; fromIds: string[] }> {
  const open = await tx
    .select({ id: todos.id, text: todos.text, assigneeId: todos.assigneeId })
    .from(todos)
    .where(and(eq(todos.cardId, cardId), isNull(todos.completedAt), isNull(todos.deletedAt)));
  const assignees = await loadUsersWithScope(tx, [...new Set(open.map((t) => t.assigneeId))]);
  const seeing = await usersSeeingCard(tx, cardId, assignees);
  const lost = open.filter((t) => !seeing.has(t.assigneeId) && t.assigneeId !== to);
  if (lost.length === 0) return { entries: [], fromIds: [] };

  await tx
    .update(todos)
    .set({ assigneeId: to, updatedAt: now })
    .where(inArray(todos.id, lost.map((t) => t.id)));
  await refreshCardTodos(tx, cardId);
  return {
    entries: lost.map((t) => ({
      cardId,
      kind: "todo_reassigned" as const,
      data: { todoId: t.id, text: t.text, old: t.assigneeId, new: to, reason: "owner_changed", version },
    })),
    fromIds: [...new Set(lost.map((t) => t.assigneeId))],
  };
}
