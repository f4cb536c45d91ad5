import { and, inArray, isNull } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Db } from "@/db/client";
import { cards, roles, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { changeEventName, publishCardChanges, type ChangeEvent } from "@/lib/realtime/publish";
import { rooms } from "@/lib/realtime/rooms";
import type { DocumentChange } from "./upload-document";

const globalForIo = globalThis as unknown as { __crmIo?: Server };
const managingRoles = roles.filter((role) => can({ id: "", role }, "documents.manage"));

/**
 * After commit: "documents.changed" (ids only) to exactly who may see each document — a card's
 * attachment goes to its card's audience (publishCardChanges), a module's own document to the users
 * whose roles manage documents (their Documents pages refetch). One query per kind for any batch.
 */
export async function publishDocumentChanges(db: Db, changes: DocumentChange[], { io = globalForIo.__crmIo }: { io?: Server } = {}): Promise<void> {
  if (!io || changes.length === 0) return;
  const attached = changes.filter((c) => c.cardId);
  const own = changes.filter((c) => !c.cardId);
  await publishCardChanges(
    db,
    attached.map((c) => ({ event: { kind: "documents.changed", moduleId: c.moduleId, cardId: c.cardId!, documentId: c.documentId }, ownerIds: [c.cardOwnerId] })),
    { io },
  );
  if (own.length === 0) return;
  const managers = await db.select({ id: users.id }).from(users).where(and(inArray(users.role, managingRoles), isNull(users.deactivatedAt)));
  const audience = managers.map((u) => rooms.user(u.id));
  if (audience.length === 0) return;
  for (const c of own) io.to(audience).emit(changeEventName, { kind: "documents.changed", moduleId: c.moduleId, documentId: c.documentId || undefined } satisfies ChangeEvent);
}

/** A folder changed (created, renamed, trashed, restored): the module's Documents pages refetch; its cards' pages too when attachments went with it. */
export async function publishFolderChange(db: Db, change: { moduleId: string; cardIds?: string[] }, options: { io?: Server } = {}): Promise<void> {
  const io = options.io ?? globalForIo.__crmIo;
  if (!io) return;
  await publishDocumentChanges(db, [{ documentId: "", moduleId: change.moduleId, cardId: null, cardOwnerId: null }], { io });
  if (change.cardIds?.length) {
    const owners = await db.select({ id: cards.id, ownerId: cards.ownerId }).from(cards).where(inArray(cards.id, change.cardIds));
    await publishCardChanges(
      db,
      owners.map((c) => ({ event: { kind: "documents.changed", moduleId: change.moduleId, cardId: c.id }, ownerIds: [c.ownerId] })),
      { io },
    );
  }
}
