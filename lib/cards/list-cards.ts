import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cardAssignees, cards, statuses, todos, users, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { deadlineState, type DeadlineState } from "@/lib/time/org-time";
import { decodeCardCursor, encodeCardCursor, type CardListCursor, type CardSort } from "./card-list-cursor";
import { cardSearchCondition, cardSearchMatches, searchProbeLimit } from "./card-search";
import { visibleCardsCondition } from "./scope";

export type ListCardsInput = {
  moduleId: string;
  /** Only cards on which this user has an open todo (whoever owns them); rows show that user's next todo. */
  userId?: string | null;
  statusId?: string | null;
  sort: CardSort;
  q?: string | null;
  /** The previous page's nextCursor. */
  after?: string | null;
  limit?: number;
  now: Date;
  timeZone: string;
};

export type CardListRow = {
  id: string;
  name: string;
  version: number;
  status: { id: string; name: string; color: string };
  owner: { id: string; name: string } | null;
  /** The first linked contact not named like the card, and how many more such there are. */
  contact: { name: string; others: number } | null;
  nextTodo: {
    id: string;
    text: string;
    type: TodoType;
    deadline: Date;
    assignee: { id: string; name: string };
    state: DeadlineState;
  } | null;
  lastActivityAt: Date;
};

export type CardListPage = { rows: CardListRow[]; nextCursor: string | null };

/** "Last First" as the product shows people everywhere, the email when both are empty. */
export const personName = (u: { firstName: string | null; lastName: string | null; email?: string | null }) =>
  `${u.lastName ?? ""} ${u.firstName ?? ""}`.trim() || (u.email ?? "");

/** Sort keys travel as text: timestamps with microseconds in UTC, so the next page starts exactly after the last row. */
const utcText = (column: SQL | AnyPgColumn) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const lowerName = sql<string>`lower(${cards.name})`;

type PageRow = { id: string; key: string | null };

/**
 * One page of a module's cards the actor may see, in keyset order (never OFFSET): a page costs the
 * same at row 50,000 as at row 0. Two queries whatever the page size: the page's ids, then their details.
 */
export async function listCards(db: Db, actor: Actor, input: ListCardsInput): Promise<CardListPage> {
  if (!can(actor, "cards.view")) throw forbidden();
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200);
  const cursor = input.after ? decodeCardCursor(input.after, input.sort) : null;
  const page = await pageIds(db, actor, input, cursor, limit + 1);
  const hasMore = page.length > limit;
  const ids = page.slice(0, limit);
  const rows = await rowDetails(db, ids.map((r) => r.id), input);
  const last = ids.at(-1);
  return {
    rows,
    nextCursor: hasMore && last ? encodeCardCursor({ sort: input.sort, key: last.key, id: last.id }) : null,
  };
}

/** Filters every card query of the list shares (also used by the counts and the board). */
export function cardListFilters(actor: Actor, input: Pick<ListCardsInput, "moduleId" | "q">): SQL[] {
  return [eq(cards.moduleId, input.moduleId), isNull(cards.deletedAt), visibleCardsCondition(actor), cardSearchCondition(input.q)].filter(
    (c): c is SQL => c !== undefined,
  );
}

async function pageIds(db: Db, actor: Actor, input: ListCardsInput, cursor: CardListCursor | null, take: number): Promise<PageRow[]> {
  const base = cardListFilters(actor, input);
  if (input.statusId) base.push(eq(cards.statusId, input.statusId));

  // A search: its matches first, up to a bound, then only they are ordered (see cardSearchMatches).
  if (input.q?.trim()) {
    const matches = await cardSearchMatches(db, base);
    if (matches.length === 0) return [];
    if (matches.length <= searchProbeLimit) base.push(inArray(cards.id, matches.map((m) => m.id)));
  }

  if (input.userId && input.sort === "deadline") {
    // The user's cards straight off card_assignees (module, assignee[, status], deadline, card): one index range.
    const where = [eq(cardAssignees.moduleId, input.moduleId), eq(cardAssignees.assigneeId, input.userId), ...base];
    if (input.statusId) where.push(eq(cardAssignees.statusId, input.statusId));
    if (cursor) where.push(sql`(${cardAssignees.nextTodoDeadline}, ${cardAssignees.cardId}) > (${cursor.key}::timestamptz, ${cursor.id}::uuid)`);
    return db
      .select({ id: cards.id, key: utcText(cardAssignees.nextTodoDeadline) })
      .from(cardAssignees)
      .innerJoin(cards, eq(cards.id, cardAssignees.cardId))
      .where(and(...where))
      .orderBy(asc(cardAssignees.nextTodoDeadline), asc(cardAssignees.cardId))
      .limit(take);
  }

  if (input.userId) {
    base.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(cardAssignees)
          .where(and(eq(cardAssignees.cardId, cards.id), eq(cardAssignees.assigneeId, input.userId))),
      ),
    );
  }

  if (input.sort === "name") {
    if (cursor) base.push(sql`(${lowerName}, ${cards.id}) > (${cursor.key}, ${cursor.id}::uuid)`);
    return db
      .select({ id: cards.id, key: lowerName })
      .from(cards)
      .where(and(...base))
      .orderBy(asc(lowerName), asc(cards.id))
      .limit(take);
  }

  if (input.sort === "activity") {
    if (cursor) base.push(sql`(${cards.lastActivityAt}, ${cards.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`);
    return db
      .select({ id: cards.id, key: utcText(cards.lastActivityAt) })
      .from(cards)
      .where(and(...base))
      .orderBy(desc(cards.lastActivityAt), desc(cards.id))
      .limit(take);
  }

  // By next todo deadline, cards without open todos last (by id). Past the cursor, the dated cards
  // come first; only the page where they run out also reaches into the undated ones.
  const byDeadline = (extra: SQL[], n: number) =>
    db
      .select({ id: cards.id, key: utcText(cards.nextTodoDeadline) })
      .from(cards)
      .where(and(...base, ...extra))
      .orderBy(sql`${cards.nextTodoDeadline} asc nulls last`, asc(cards.id))
      .limit(n);
  const undated = (n: number, afterId?: string) =>
    byDeadline([isNull(cards.nextTodoDeadline), ...(afterId ? [sql`${cards.id} > ${afterId}::uuid`] : [])], n);

  if (!cursor) return byDeadline([], take);
  if (cursor.key === null) return undated(take, cursor.id);
  const dated = await byDeadline(
    [isNotNull(cards.nextTodoDeadline), sql`(${cards.nextTodoDeadline}, ${cards.id}) > (${cursor.key}::timestamptz, ${cursor.id}::uuid)`],
    take,
  );
  return dated.length < take ? [...dated, ...(await undated(take - dated.length))] : dated;
}

const owners = alias(users, "owner");
const assignees = alias(users, "assignee");

async function rowDetails(db: Db, ids: string[], input: ListCardsInput): Promise<CardListRow[]> {
  if (ids.length === 0) return [];
  // With a user filter a row shows that user's next todo on the card, else the card's next todo.
  const todoId = input.userId
    ? sql`(select ${cardAssignees.nextTodoId} from ${cardAssignees} where ${cardAssignees.cardId} = ${cards.id} and ${cardAssignees.assigneeId} = ${input.userId}::uuid)`
    : sql`${cards.nextTodoId}`;
  const details = await db
    .select({
      id: cards.id,
      name: cards.name,
      version: cards.version,
      lastActivityAt: cards.lastActivityAt,
      status: { id: statuses.id, name: statuses.name, color: statuses.color },
      ownerId: cards.ownerId,
      ownerFirstName: owners.firstName,
      ownerLastName: owners.lastName,
      ownerEmail: owners.email,
      // A contact named like the card (the company a card is named after) would only repeat the name.
      contactName: sql<string | null>`(
        select k.name from card_contacts cc join contacts k on k.id = cc.contact_id
        where cc.card_id = ${cards.id} and k.deleted_at is null and lower(k.name) <> lower(${cards.name})
        order by cc.position, k.name limit 1)`,
      contactCount: sql<number>`(
        select count(*)::int from card_contacts cc join contacts k on k.id = cc.contact_id
        where cc.card_id = ${cards.id} and k.deleted_at is null and lower(k.name) <> lower(${cards.name}))`,
      todoId: todos.id,
      todoText: todos.text,
      todoType: todos.type,
      todoDeadline: todos.deadline,
      assigneeId: assignees.id,
      assigneeFirstName: assignees.firstName,
      assigneeLastName: assignees.lastName,
      assigneeEmail: assignees.email,
    })
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .leftJoin(owners, eq(owners.id, cards.ownerId))
    .leftJoin(todos, sql`${todos.id} = ${todoId}`)
    .leftJoin(assignees, eq(assignees.id, todos.assigneeId))
    .where(inArray(cards.id, ids));

  const byId = new Map(details.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    return [
      {
        id: d.id,
        name: d.name,
        version: d.version,
        status: d.status,
        owner: d.ownerId ? { id: d.ownerId, name: personName({ firstName: d.ownerFirstName, lastName: d.ownerLastName, email: d.ownerEmail }) } : null,
        contact: d.contactName ? { name: d.contactName, others: Math.max(0, Number(d.contactCount) - 1) } : null,
        nextTodo:
          d.todoId && d.todoDeadline && d.assigneeId
            ? {
                id: d.todoId,
                text: d.todoText ?? "",
                type: d.todoType ?? "task",
                deadline: d.todoDeadline,
                assignee: { id: d.assigneeId, name: personName({ firstName: d.assigneeFirstName, lastName: d.assigneeLastName, email: d.assigneeEmail }) },
                state: deadlineState(d.todoDeadline, input.now, input.timeZone),
              }
            : null,
        lastActivityAt: d.lastActivityAt,
      },
    ];
  });
}
