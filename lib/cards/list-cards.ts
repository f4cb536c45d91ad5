import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cardAssignees, cards, fields, statuses, todos, users, type FieldType, type FieldValue, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import type { FieldConfig } from "@/lib/modules/get-module-config";
import { deadlineState, type DeadlineState } from "@/lib/time/org-time";
import { sortableFieldTypes } from "@/lib/views/definition";
import { decodeCardCursor, defaultCardSort, encodeCardCursor, sortDirection, sortKey, type CardListCursor, type CardSort, type CursorKeyKind } from "./card-list-cursor";
import { cardSearchCondition, cardSearchMatches, searchProbeLimit } from "./card-search";
import { visibleCardsCondition } from "./scope";

/**
 * A saved view applied to the list: its filter compiled to one condition over `cards`
 * (lib/views/compile-view.ts — AND-ed with every other filter, never instead of the scope), its
 * default sort and the custom fields it shows as columns.
 */
export type ListView = { filter: SQL; sort: CardSort; columns: FieldConfig[] };

export type ListCardsInput = {
  moduleId: string;
  /** Only cards on which this user has an open todo (whoever owns them); rows show that user's next todo. */
  userId?: string | null;
  statusId?: string | null;
  /** The URL's sort; without one the view's default, else by next todo deadline. */
  sort?: CardSort | null;
  q?: string | null;
  view?: ListView | null;
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
  /** The view's columns' values (only those fields; a field without a value is null). */
  values: Record<string, FieldValue>;
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
 * How a sort orders cards: its key (an expression over `cards`), the key as text for the cursor, the
 * cast that reads it back, and whether cards may lack a key (those come last in either direction).
 */
type SortPlan = { sort: CardSort; key: SQL; text: SQL<string | null>; kind: CursorKeyKind; cast: SQL; direction: "asc" | "desc"; nullable: boolean };

const casts: Record<CursorKeyKind, SQL> = { timestamp: sql.raw("timestamptz"), numeric: sql.raw("numeric"), boolean: sql.raw("boolean"), text: sql.raw("text") };

function plan(sort: CardSort, key: SQL, kind: CursorKeyKind, nullable: boolean): SortPlan {
  return { sort, key, kind, direction: sortDirection(sort), nullable, cast: casts[kind], text: kind === "timestamp" ? utcText(key) : kind === "text" ? sql<string | null>`${key}` : sql<string | null>`(${key})::text` };
}

/** A custom field's value as a sort key: null when the card has none (or, from old data, one of another type). */
function fieldSortKey(fieldId: string, type: FieldType): { key: SQL; kind: CursorKeyKind; nullable: boolean } {
  const value = sql`(${cards.values} -> ${fieldId}::text)`;
  const text = sql`(${cards.values} ->> ${fieldId}::text)`;
  switch (type) {
    case "number":
      return { key: sql`(case when jsonb_typeof(${value}) = 'number' then ${text}::numeric end)`, kind: "numeric", nullable: true };
    case "money":
      return { key: sql`(case when jsonb_typeof(${value} -> 'amount') = 'number' then (${value} ->> 'amount')::numeric end)`, kind: "numeric", nullable: true };
    case "date":
      return { key: sql`(case when jsonb_typeof(${value}) = 'string' then nullif(${text}, '') end)`, kind: "text", nullable: true };
    // A checkbox never set reads as unchecked: every card has a key.
    case "checkbox":
      return { key: sql`(coalesce(${text} = 'true', false))`, kind: "boolean", nullable: false };
    default:
      return { key: sql`nullif(lower(${text}), '')`, kind: "text", nullable: true };
  }
}

/** The sort's plan; a field sort names a sortable field of this module (Invalid otherwise). */
async function sortPlan(db: Db, input: ListCardsInput): Promise<SortPlan> {
  const sort = input.sort ?? input.view?.sort ?? defaultCardSort;
  switch (sort.by) {
    case "deadline":
      return plan(sort, sql`${cards.nextTodoDeadline}`, "timestamp", true);
    case "name":
      return plan(sort, lowerName, "text", false);
    case "activity":
      return plan(sort, sql`${cards.lastActivityAt}`, "timestamp", false);
    case "created":
      return plan(sort, sql`${cards.createdAt}`, "timestamp", false);
    case "field": {
      const column = input.view?.columns.find((c) => c.id === sort.fieldId);
      const [field] = column
        ? [column]
        : await db
            .select({ type: fields.type })
            .from(fields)
            .where(and(eq(fields.id, sort.fieldId), eq(fields.moduleId, input.moduleId)));
      if (!field || !sortableFieldTypes.includes(field.type)) throw invalid("invalid_input", { sort: "invalid_input" });
      const { key, kind, nullable } = fieldSortKey(sort.fieldId, field.type);
      return plan(sort, key, kind, nullable);
    }
  }
}

/**
 * One page of a module's cards the actor may see, in keyset order (never OFFSET): a page costs the
 * same at row 50,000 as at row 0. Two queries whatever the page size: the page's ids, then their details.
 */
export async function listCards(db: Db, actor: Actor, input: ListCardsInput): Promise<CardListPage> {
  if (!can(actor, "cards.view")) throw forbidden();
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200);
  const order = await sortPlan(db, input);
  const cursor = input.after ? decodeCardCursor(input.after, order.sort, order) : null;
  const page = await pageIds(db, actor, input, order, cursor, limit + 1);
  const hasMore = page.length > limit;
  const ids = page.slice(0, limit);
  const rows = await rowDetails(db, ids.map((r) => r.id), input);
  const last = ids.at(-1);
  return {
    rows,
    nextCursor: hasMore && last ? encodeCardCursor({ sort: sortKey(order.sort), key: last.key, id: last.id }) : null,
  };
}

/** Filters every card query of the list shares (also used by the counts, the totals and the board), the view's among them. */
export function cardListFilters(actor: Actor, input: Pick<ListCardsInput, "moduleId" | "q"> & { view?: Pick<ListView, "filter"> | null }): SQL[] {
  return [eq(cards.moduleId, input.moduleId), isNull(cards.deletedAt), visibleCardsCondition(actor), cardSearchCondition(input.q), input.view?.filter].filter(
    (c): c is SQL => c !== undefined,
  );
}

/** Cards on which the user has an open todo (card_assignees holds one row per card and assignee). */
export function hasOpenTodoFor(db: Db, userId: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(cardAssignees)
      .where(and(eq(cardAssignees.cardId, cards.id), eq(cardAssignees.assigneeId, userId))),
  );
}

async function pageIds(db: Db, actor: Actor, input: ListCardsInput, order: SortPlan, cursor: CardListCursor | null, take: number): Promise<PageRow[]> {
  const base = cardListFilters(actor, input);
  if (input.statusId) base.push(eq(cards.statusId, input.statusId));

  // A search: its matches first, up to a bound, then only they are ordered (see cardSearchMatches).
  if (input.q?.trim()) {
    const matches = await cardSearchMatches(db, base);
    if (matches.length === 0) return [];
    if (matches.length <= searchProbeLimit) base.push(inArray(cards.id, matches.map((m) => m.id)));
  }

  if (input.userId && order.sort.by === "deadline") {
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
  if (input.userId) base.push(hasOpenTodoFor(db, input.userId));

  // Key, then id, in the sort's direction. Cards without a key come last (by id): past the cursor
  // the keyed cards come first, and only the page where they run out also reaches into the others.
  const ascending = order.direction === "asc";
  const beyond = ascending ? sql.raw(">") : sql.raw("<");
  const direction = sql.raw(ascending ? "asc" : "desc");
  const orderBy = [
    // Never-null keys get a plain asc/desc: "desc" is what a backward index scan gives ("nulls first").
    order.nullable ? sql`${order.key} ${direction} nulls last` : sql`${order.key} ${direction}`,
    ascending ? asc(cards.id) : desc(cards.id),
  ];
  const keyed = (extra: SQL[], n: number) =>
    db
      .select({ id: cards.id, key: order.text })
      .from(cards)
      .where(and(...base, ...extra))
      .orderBy(...orderBy)
      .limit(n);
  // The key goes in as text and is cast in SQL: postgres-js would serialise the string "true" for a boolean parameter as false.
  const past = (c: CardListCursor) => sql`(${order.key}, ${cards.id}) ${beyond} (${c.key}::text::${order.cast}, ${c.id}::uuid)`;

  if (!cursor) return keyed([], take);
  if (!order.nullable) return keyed([past(cursor)], take);
  const keyless = (n: number, afterId?: string) => keyed([sql`${order.key} is null`, ...(afterId ? [sql`${cards.id} ${beyond} ${afterId}::uuid`] : [])], n);
  if (cursor.key === null) return keyless(take, cursor.id);
  const withKey = await keyed([sql`${order.key} is not null`, past(cursor)], take);
  return withKey.length < take ? [...withKey, ...(await keyless(take - withKey.length))] : withKey;
}

const owners = alias(users, "owner");
const assignees = alias(users, "assignee");

async function rowDetails(db: Db, ids: string[], input: ListCardsInput): Promise<CardListRow[]> {
  if (ids.length === 0) return [];
  // With a user filter a row shows that user's next todo on the card, else the card's next todo.
  const todoId = input.userId
    ? sql`(select ${cardAssignees.nextTodoId} from ${cardAssignees} where ${cardAssignees.cardId} = ${cards.id} and ${cardAssignees.assigneeId} = ${input.userId}::uuid)`
    : sql`${cards.nextTodoId}`;
  // Only the view's columns leave the database, not every value of the card.
  const columns = input.view?.columns ?? [];
  const values = columns.length
    ? sql<Record<string, FieldValue>>`jsonb_build_object(${sql.join(
        columns.map((c) => sql`${c.id}::text, ${cards.values} -> ${c.id}::text`),
        sql`, `,
      )})`
    : sql<Record<string, FieldValue>>`'{}'::jsonb`;
  const details = await db
    .select({
      id: cards.id,
      name: cards.name,
      version: cards.version,
      lastActivityAt: cards.lastActivityAt,
      values,
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
        values: d.values,
      },
    ];
  });
}
