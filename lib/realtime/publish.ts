import { inArray } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Db } from "@/db/client";
import { groupMembers } from "@/db/schema";
import { roomsForCard } from "./rooms";

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
  | "contact.changed";

/** What travels to browsers: kinds and ids only, never record contents; clients refetch through permission-checked code. */
export type ChangeEvent = { kind: ChangeKind; moduleId?: string; cardId?: string; todoId?: string; contactId?: string };

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
