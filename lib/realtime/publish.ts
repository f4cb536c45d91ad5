import { eq, inArray } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Db } from "@/db/client";
import { cardContacts, cards, groupMembers } from "@/db/schema";
import { rooms, roomsForCard, roomsForContact } from "./rooms";

export type ChangeKind =
  | "card.created"
  | "card.changed"
  | "card.trashed"
  | "card.restored"
  | "todo.created"
  | "todo.changed"
  | "todo.completed"
  | "todo.reopened"
  | "todo.trashed"
  | "todo.restored"
  | "todo.overdue"
  | "day.changed"
  | "contact.changed"
  /** A saved view of the module was created, changed, moved, trashed or restored: switchers refetch. */
  | "views.changed"
  /** An email of the card was queued, delivered, failed or kept in the outbox: its history entry refetches. */
  | "email.changed"
  /** A bulk run of the module moved on (recipients sent, skipped, failed) or finished: its progress bar refetches. */
  | "bulk.progress"
  /** An automation of the module was created, edited, activated or switched off, or its step runs moved on: the Automations page refetches. */
  | "automations.changed"
  /** A module's folders or documents changed, or a card's attachments (cardId): the Documents page and the card's documents refetch. */
  | "documents.changed"
  /** An import moved on (a batch committed, finished, undone): sent to its importer's own room; the wizard's progress bar refetches. */
  | "import.progress";

/** What travels to browsers: kinds and ids only, never record contents; clients refetch through permission-checked code. */
export type ChangeEvent = { kind: ChangeKind; moduleId?: string; cardId?: string; todoId?: string; contactId?: string; runId?: string; automationId?: string; documentId?: string; importId?: string };

export const changeEventName = "crm:change";

const globalForIo = globalThis as unknown as { __crmIo?: Server };

type CardChange = { event: ChangeEvent; ownerIds: (string | null)[] };

/**
 * Sends card changes to exactly the sockets allowed to see each card. Call it after the transaction
 * committed (never inside it): a rolled-back change must publish nothing. `ownerIds` are the card's
 * owners before and after (an owner change concerns both audiences). One query for any batch size.
 */
export async function publishCardChanges(
  db: Db,
  changes: CardChange[],
  { localOnly = false, io = globalForIo.__crmIo }: { localOnly?: boolean; io?: Server } = {},
): Promise<void> {
  if (!io || changes.length === 0) return; // no socket server in this process (tests, scripts)
  const ids = [...new Set(changes.flatMap((c) => c.ownerIds).filter((id): id is string => Boolean(id)))];
  const memberships = ids.length ? await db.select().from(groupMembers).where(inArray(groupMembers.userId, ids)) : [];
  const groupsOf = (id: string) => memberships.filter((m) => m.userId === id).map((m) => m.groupId);
  const target = localOnly ? io.local : io;
  for (const { event, ownerIds } of changes) {
    const audience = new Set([...new Set(ownerIds)].flatMap((id) => roomsForCard(id ? { id, groupIds: groupsOf(id) } : null)));
    target.to([...audience]).emit(changeEventName, event);
  }
}

export function publishCardChange(db: Db, event: ChangeEvent, ownerIds: (string | null)[]): Promise<void> {
  return publishCardChanges(db, [{ event, ownerIds }]);
}

/**
 * Tells the sockets allowed to see these contacts (lib/contacts/scope.ts, via roomsForContact) that
 * they changed: ids only. After commit. Two queries for any batch: the contacts' card links with
 * their cards' owners, and those owners' groups.
 */
export async function publishContactChanges(
  db: Db,
  contactIds: string[],
  { io = globalForIo.__crmIo }: { io?: Server } = {},
): Promise<void> {
  if (!io || contactIds.length === 0) return;
  const links = await db
    .select({ contactId: cardContacts.contactId, ownerId: cards.ownerId, deletedAt: cards.deletedAt })
    .from(cardContacts)
    .innerJoin(cards, eq(cards.id, cardContacts.cardId))
    .where(inArray(cardContacts.contactId, contactIds));
  const ownerIds = [...new Set(links.flatMap((l) => (l.ownerId && !l.deletedAt ? [l.ownerId] : [])))];
  const memberships = ownerIds.length ? await db.select().from(groupMembers).where(inArray(groupMembers.userId, ownerIds)) : [];
  const groupsOf = (id: string) => memberships.filter((m) => m.userId === id).map((m) => m.groupId);
  for (const contactId of new Set(contactIds)) {
    const own = links.filter((l) => l.contactId === contactId);
    const cardOwners = own.filter((l) => !l.deletedAt).map((l) => (l.ownerId ? { id: l.ownerId, groupIds: groupsOf(l.ownerId) } : null));
    const event: ChangeEvent = { kind: "contact.changed", contactId };
    io.to(roomsForContact({ linked: own.length > 0, cardOwners })).emit(changeEventName, event);
  }
}

/** An event for exactly these users (their user rooms), e.g. My todos of assignees who lost a todo. */
export function publishToUsers(event: ChangeEvent, userIds: string[], { io = globalForIo.__crmIo }: { io?: Server } = {}): void {
  if (!io || userIds.length === 0) return;
  io.to(userIds.map(rooms.user)).emit(changeEventName, event);
}

/**
 * Every signed-in browser hears that the module's views changed (no view id, no name: a private view's
 * existence stays its creator's), so each list and board re-reads its own switcher.
 */
export function publishViewsChanged(moduleId: string, { io = globalForIo.__crmIo }: { io?: Server } = {}): void {
  io?.emit(changeEventName, { kind: "views.changed", moduleId } satisfies ChangeEvent);
}
