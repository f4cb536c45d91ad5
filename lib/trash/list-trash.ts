import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cards, contacts, modules, todos, users, views, type ContactKind, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { displayName } from "@/lib/cards/list-card-users";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { forbidden, invalid } from "@/lib/errors";
import { canCreateView, restorableViewsCondition } from "@/lib/views/view-permissions";

export type TrashedCard = {
  id: string;
  name: string;
  moduleId: string;
  moduleName: string;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

export type TrashedTodo = {
  id: string;
  text: string;
  type: TodoType;
  deadline: Date;
  cardId: string;
  cardName: string;
  moduleName: string;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

export type TrashedContact = {
  id: string;
  name: string;
  kind: ContactKind;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

export type TrashedView = {
  id: string;
  name: string;
  moduleId: string;
  moduleName: string;
  shared: boolean;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

export type TrashPage<T> = { items: T[]; nextCursor: string | null };

export const trashPageSchema = z.object({
  /** From the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TrashPageInput = z.input<typeof trashPageSchema>;

type Cursor = { at: string; id: string };

/** A timestamptz as PostgreSQL prints it ("2026-05-04 12:00:00.123+02"). */
const timestampText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");

function decodeCursor(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && timestampText.test(at) && typeof id === "string" && z.uuid().safeParse(id).success) return { at, id };
  } catch {
    // fall through
  }
  throw invalid("invalid_input", { cursor: "invalid_input" });
}

/** Every trash list's start: who may browse the trash, and which page. */
function trashRequest(actor: Actor, raw: TrashPageInput, allowed = can(actor, "trash.view")): { limit: number; cursor: Cursor | null } {
  if (!allowed) throw forbidden();
  const input = trashPageSchema.parse(raw);
  return { limit: input.limit, cursor: input.cursor ? decodeCursor(input.cursor) : null };
}

/** Newest first on (deleted_at, id); the key is read back as text so no microsecond is lost between pages. */
function keyset(
  deletedAt: typeof cards.deletedAt | typeof todos.deletedAt | typeof contacts.deletedAt | typeof views.deletedAt,
  id: typeof cards.id | typeof todos.id | typeof contacts.id | typeof views.id,
  cursor: Cursor | null,
): SQL | undefined {
  return cursor ? sql`(${deletedAt}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined;
}

function page<T extends { id: string; sortKey: string }, U>(rows: T[], limit: number, map: (row: T) => U): TrashPage<U> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.sortKey, id: last.id }) : null };
}

/** What every trash list reads besides its own columns: when, by whom (`by`, joined), and the keyset's sort key. */
function trashColumns<T extends { deletedAt: AnyPgColumn; deletedById: AnyPgColumn }, B extends { firstName: AnyPgColumn; lastName: AnyPgColumn; email: AnyPgColumn }>(table: T, by: B) {
  return {
    deletedAt: table.deletedAt,
    sortKey: sql<string>`${table.deletedAt}::text`,
    deletedById: table.deletedById,
    firstName: by.firstName,
    lastName: by.lastName,
    email: by.email,
  };
}

const trashInfo = (r: { deletedAt: Date | null; deletedById: string | null; firstName: string | null; lastName: string | null; email: string | null }) => ({
  deletedAt: r.deletedAt!,
  deletedById: r.deletedById,
  deletedByName: r.deletedById ? displayName(r) : null,
});

/** Trashed cards the actor may see, most recently trashed first, one keyset page at a time. */
export async function listTrashedCards(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedCard>> {
  const { limit, cursor } = trashRequest(actor, raw);
  const rows = await db
    .select({
      id: cards.id,
      name: cards.name,
      moduleId: cards.moduleId,
      moduleName: modules.name,
      ...trashColumns(cards, users),
    })
    .from(cards)
    .innerJoin(modules, eq(modules.id, cards.moduleId))
    .leftJoin(users, eq(users.id, cards.deletedById))
    .where(and(isNotNull(cards.deletedAt), visibleCardsCondition(actor), keyset(cards.deletedAt, cards.id, cursor)))
    .orderBy(desc(cards.deletedAt), desc(cards.id))
    .limit(limit + 1);
  return page(rows, limit, (r) => ({
    id: r.id,
    name: r.name,
    moduleId: r.moduleId,
    moduleName: r.moduleName,
    ...trashInfo(r),
  }));
}

/**
 * Trashed todos on live cards the actor may see, most recently trashed first. (A todo on a trashed
 * card comes back with its card; until then it cannot be restored on its own.)
 */
export async function listTrashedTodos(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedTodo>> {
  const { limit, cursor } = trashRequest(actor, raw);
  const trashedBy = alias(users, "trashed_by");
  const rows = await db
    .select({
      id: todos.id,
      text: todos.text,
      type: todos.type,
      deadline: todos.deadline,
      cardId: cards.id,
      cardName: cards.name,
      moduleName: modules.name,
      ...trashColumns(todos, trashedBy),
    })
    .from(todos)
    .innerJoin(cards, eq(cards.id, todos.cardId))
    .innerJoin(modules, eq(modules.id, todos.moduleId))
    .leftJoin(trashedBy, eq(trashedBy.id, todos.deletedById))
    .where(and(isNotNull(todos.deletedAt), isNull(cards.deletedAt), visibleCardsCondition(actor), keyset(todos.deletedAt, todos.id, cursor)))
    .orderBy(desc(todos.deletedAt), desc(todos.id))
    .limit(limit + 1);
  return page(rows, limit, (r) => ({
    id: r.id,
    text: r.text,
    type: r.type,
    deadline: r.deadline,
    cardId: r.cardId,
    cardName: r.cardName,
    moduleName: r.moduleName,
    ...trashInfo(r),
  }));
}

/** Trashed contacts (companies and persons), most recently trashed first. Contacts have no owner: whoever may browse the trash sees them all. */
export async function listTrashedContacts(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedContact>> {
  const { limit, cursor } = trashRequest(actor, raw);
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      kind: contacts.kind,
      ...trashColumns(contacts, users),
    })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.deletedById))
    .where(and(isNotNull(contacts.deletedAt), keyset(contacts.deletedAt, contacts.id, cursor)))
    .orderBy(desc(contacts.deletedAt), desc(contacts.id))
    .limit(limit + 1);
  return page(rows, limit, (r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    ...trashInfo(r),
  }));
}

/**
 * Trashed views the actor may restore (lib/views/view-permissions.ts): their own — which is why
 * everyone has a trash page — and, for whoever may restore from the trash, the shared ones. Someone
 * else's private view is not listed.
 */
export async function listTrashedViews(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedView>> {
  const { limit, cursor } = trashRequest(actor, raw, canCreateView(actor));
  const rows = await db
    .select({
      id: views.id,
      name: views.name,
      moduleId: views.moduleId,
      moduleName: modules.name,
      shared: views.shared,
      ...trashColumns(views, users),
    })
    .from(views)
    .innerJoin(modules, eq(modules.id, views.moduleId))
    .leftJoin(users, eq(users.id, views.deletedById))
    .where(and(isNotNull(views.deletedAt), restorableViewsCondition(actor), keyset(views.deletedAt, views.id, cursor)))
    .orderBy(desc(views.deletedAt), desc(views.id))
    .limit(limit + 1);
  return page(rows, limit, (r) => ({
    id: r.id,
    name: r.name,
    moduleId: r.moduleId,
    moduleName: r.moduleName,
    shared: r.shared,
    ...trashInfo(r),
  }));
}
