import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cards, contacts, documentFolders, documents, modules, todos, users, views, type ContactKind, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { displayName } from "@/lib/cards/list-card-users";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { visibleDocumentsCondition } from "@/lib/documents/scope";
import { forbidden, invalid } from "@/lib/errors";
import { canCreateView } from "@/lib/views/view-permissions";

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

export type TrashedDocument = {
  id: string;
  name: string;
  moduleId: string;
  moduleName: string;
  folderName: string | null;
  cardId: string | null;
  cardName: string | null;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

export type TrashedFolder = {
  id: string;
  name: string;
  moduleId: string;
  moduleName: string;
  parentName: string | null;
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
function keyset(deletedAt: AnyPgColumn, id: AnyPgColumn, cursor: Cursor | null): SQL | undefined {
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

/** canRestoreView (lib/views/view-permissions.ts) as a condition over `views`. */
function restorableViewsCondition(actor: Actor): SQL | undefined {
  const own = eq(views.createdById, actor.id);
  return can(actor, "trash.restore") ? or(own, eq(views.shared, true)) : own;
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

/** Trashed documents the actor may see (a card's only while the card is live and theirs to see), most recently trashed first. */
export async function listTrashedDocuments(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedDocument>> {
  const { limit, cursor } = trashRequest(actor, raw);
  const rows = await db
    .select({
      id: documents.id,
      name: documents.name,
      moduleId: documents.moduleId,
      moduleName: modules.name,
      folderName: documentFolders.name,
      cardId: documents.cardId,
      cardName: cards.name,
      ...trashColumns(documents, users),
    })
    .from(documents)
    .innerJoin(modules, eq(modules.id, documents.moduleId))
    .leftJoin(documentFolders, eq(documentFolders.id, documents.folderId))
    .leftJoin(cards, eq(cards.id, documents.cardId))
    .leftJoin(users, eq(users.id, documents.deletedById))
    .where(and(isNotNull(documents.deletedAt), visibleDocumentsCondition(actor), keyset(documents.deletedAt, documents.id, cursor)))
    .orderBy(desc(documents.deletedAt), desc(documents.id))
    .limit(limit + 1);
  return page(rows, limit, ({ id, name, moduleId, moduleName, folderName, cardId, cardName, ...r }) => ({ id, name, moduleId, moduleName, folderName, cardId, cardName, ...trashInfo(r) }));
}

/** Trashed folders, for whoever manages documents and may browse the trash, most recently trashed first. */
export async function listTrashedFolders(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedFolder>> {
  const { limit, cursor } = trashRequest(actor, raw, can(actor, "trash.view") && can(actor, "documents.manage"));
  const parent = alias(documentFolders, "parent");
  const rows = await db
    .select({
      id: documentFolders.id,
      name: documentFolders.name,
      moduleId: documentFolders.moduleId,
      moduleName: modules.name,
      parentName: parent.name,
      ...trashColumns(documentFolders, users),
    })
    .from(documentFolders)
    .innerJoin(modules, eq(modules.id, documentFolders.moduleId))
    .leftJoin(parent, eq(parent.id, documentFolders.parentId))
    .leftJoin(users, eq(users.id, documentFolders.deletedById))
    .where(and(isNotNull(documentFolders.deletedAt), keyset(documentFolders.deletedAt, documentFolders.id, cursor)))
    .orderBy(desc(documentFolders.deletedAt), desc(documentFolders.id))
    .limit(limit + 1);
  return page(rows, limit, ({ id, name, moduleId, moduleName, parentName, ...r }) => ({ id, name, moduleId, moduleName, parentName, ...trashInfo(r) }));
}
