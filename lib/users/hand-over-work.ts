import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { automationEvents, automations, automationSteps, cards, statuses, todos, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { recordHistory, type HistoryEntry } from "@/lib/history/record-history";
import { reassignTodosHiddenFromAssignees } from "@/lib/todos/reassign-hidden-todos";
import { refreshCardAssignees } from "@/lib/todos/refresh-card-assignees";

type ScopeActor = Pick<Actor, "id" | "role" | "groupIds">;

/** What a hand-over moved, for publishing after commit. */
export type HandOver = {
  fromId: string;
  toId: string;
  /** Open cards whose owner became the colleague. */
  cards: { id: string; moduleId: string }[];
  /** Open todos that changed assignee: to the colleague, or (on a card the colleague cannot see) to its owner or the actor. */
  todos: { id: string; cardId: string; moduleId: string; cardOwnerId: string | null; to: string }[];
  /** Other assignees whose todos on a handed-over card went to the colleague because they no longer see the card. */
  alsoReassignedFromIds: string[];
  /** Automations with a step whose sender or chosen user was handed over. */
  automations: { id: string; moduleId: string }[];
};

const rowsPerStatement = 1000;
const chunks = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / rowsPerStatement) }, (_, i) => list.slice(i * rowsPerStatement, (i + 1) * rowsPerStatement));

/**
 * Inside the deactivation's transaction (SPEC §1): hands a user's work to a colleague.
 * - Their open cards (live, in an "open" status) get the colleague as owner: "owner_changed" with
 *   `handover: true`; other assignees' todos there that the colleague's ownership hides from them go
 *   to the colleague, as on any owner change.
 * - Their open todos go to the colleague — unless the colleague may not see the card (a Restricted
 *   colleague, a card of another group): then to the card's owner (who always sees it) when active,
 *   else to the actor (an admin). "todo_reassigned" with reason "handover" each.
 * - Automation steps sending as them, or mailing / giving todos to them, name the colleague instead:
 *   one "sender_handed_over" event per automation, whose version moves on (an open editor must reload).
 * History goes through recordHistory, so enrolments follow the new owners. The number of statements
 * grows with the rows per thousand, not per row (except owner-change fallout, per card that has other
 * assignees' todos).
 */
export async function handOverWork(tx: Db, { fromId, to, actorId, now }: { fromId: string; to: ScopeActor; actorId: string; now: Date }): Promise<HandOver> {
  const entries: HistoryEntry[] = [];

  const openStatuses = tx.select({ id: statuses.id }).from(statuses).where(eq(statuses.group, "open"));
  const moved = await tx
    .update(cards)
    .set({ ownerId: to.id, version: sql`${cards.version} + 1`, updatedAt: now })
    .where(and(eq(cards.ownerId, fromId), isNull(cards.deletedAt), inArray(cards.statusId, openStatuses)))
    .returning({ id: cards.id, moduleId: cards.moduleId, version: cards.version });
  const versionOf = new Map(moved.map((c) => [c.id, c.version]));
  for (const c of moved) entries.push({ cardId: c.id, kind: "owner_changed", data: { old: fromId, new: to.id, handover: true, version: c.version } });

  // Their open todos, with whether the colleague sees each card (its row as this transaction left it).
  const owner = alias(users, "owner");
  const open = await tx
    .select({
      id: todos.id,
      cardId: todos.cardId,
      moduleId: cards.moduleId,
      text: todos.text,
      cardOwnerId: cards.ownerId,
      ownerActive: sql<boolean>`(${owner.id} is not null and ${owner.deactivatedAt} is null and ${owner.id} <> ${fromId})`,
      colleagueSees: sql<boolean>`coalesce(${visibleCardsCondition(to) ?? sql`true`}, false)`,
    })
    .from(todos)
    .innerJoin(cards, eq(cards.id, todos.cardId))
    .leftJoin(owner, eq(owner.id, cards.ownerId))
    .where(and(eq(todos.assigneeId, fromId), isNull(todos.completedAt), isNull(todos.deletedAt)));
  const handedTodos = open.map((t) => ({
    ...t,
    to: t.colleagueSees ? to.id : t.ownerActive && t.cardOwnerId ? t.cardOwnerId : actorId,
  }));
  for (const target of new Set(handedTodos.map((t) => t.to))) {
    for (const ids of chunks(handedTodos.filter((t) => t.to === target).map((t) => t.id))) {
      await tx.update(todos).set({ assigneeId: target, updatedAt: now }).where(inArray(todos.id, ids));
    }
  }
  await refreshCardAssignees(tx, handedTodos.map((t) => t.cardId));
  for (const t of handedTodos) {
    const version = versionOf.get(t.cardId);
    entries.push({
      cardId: t.cardId,
      kind: "todo_reassigned",
      data: { todoId: t.id, text: t.text, old: fromId, new: t.to, reason: "handover", ...(version ? { version } : {}) },
    });
  }

  // Other people's open todos on the handed-over cards: those who can no longer see the card hand theirs on too.
  const alsoReassignedFromIds = new Set<string>();
  for (const ids of chunks(moved.map((c) => c.id))) {
    const withOthers = await tx
      .selectDistinct({ cardId: todos.cardId })
      .from(todos)
      .where(and(inArray(todos.cardId, ids), ne(todos.assigneeId, to.id), isNull(todos.completedAt), isNull(todos.deletedAt)));
    for (const { cardId } of withOthers) {
      const reassigned = await reassignTodosHiddenFromAssignees(tx, { cardId, to: to.id, version: versionOf.get(cardId)!, now });
      entries.push(...reassigned.entries);
      reassigned.fromIds.forEach((id) => alsoReassignedFromIds.add(id));
    }
  }

  const handedAutomations = await handOverAutomationSteps(tx, { fromId, toId: to.id, actorId, now });

  for (const part of chunks(entries)) await recordHistory(tx, actorId, now, part);
  return {
    fromId,
    toId: to.id,
    cards: moved.map(({ id, moduleId }) => ({ id, moduleId })),
    todos: handedTodos.map(({ id, cardId, moduleId, cardOwnerId, to }) => ({ id, cardId, moduleId, cardOwnerId, to })),
    alsoReassignedFromIds: [...alsoReassignedFromIds],
    automations: handedAutomations,
  };
}

/** Steps sending as the user, or mailing / giving todos to them as the chosen user, now name the colleague. */
async function handOverAutomationSteps(tx: Db, { fromId, toId, actorId, now }: { fromId: string; toId: string; actorId: string; now: Date }) {
  const asSender = await tx
    .update(automationSteps)
    .set({ senderUserId: toId })
    .where(eq(automationSteps.senderUserId, fromId))
    .returning({ automationId: automationSteps.automationId });
  const asUser = await tx
    .update(automationSteps)
    .set({ userId: toId })
    .where(eq(automationSteps.userId, fromId))
    .returning({ automationId: automationSteps.automationId });
  const ids = [...new Set([...asSender, ...asUser].map((s) => s.automationId))];
  if (ids.length === 0) return [];
  const count = (list: { automationId: string }[], id: string) => list.filter((s) => s.automationId === id).length;
  const touched = await tx
    .update(automations)
    .set({ version: sql`${automations.version} + 1`, updatedAt: now })
    .where(inArray(automations.id, ids))
    .returning({ id: automations.id, moduleId: automations.moduleId });
  await tx.insert(automationEvents).values(
    ids.map((automationId) => ({
      automationId,
      actorId,
      at: now,
      kind: "sender_handed_over" as const,
      data: { fromUserId: fromId, toUserId: toId, senderSteps: count(asSender, automationId), userSteps: count(asUser, automationId) },
    })),
  );
  return touched;
}
