import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { documentFolders, documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { folderIdSchema } from "./document-input";

/**
 * Moves a folder to the trash with what it holds: its subfolders and their documents, all with the
 * same moment, so a restore brings back exactly what went with it (a document trashed earlier on its
 * own stays in the trash). Attached documents leave their cards' pages too, with history. The
 * documents a group manager cannot see still go with the folder: a folder is the module's.
 */
export async function trashFolder(ctx: Ctx, raw: { folderId: string }) {
  if (!can(ctx.actor, "documents.manage")) throw forbidden();
  const { folderId } = folderIdSchema.parse(raw);
  const [folder] = await ctx.db.select().from(documentFolders).where(and(eq(documentFolders.id, folderId), isNull(documentFolders.deletedAt)));
  if (!folder) throw notFound("folder_not_found");
  const cardIds = await ctx.db.transaction(async (tx) => {
    const trashedFolders = await tx
      .update(documentFolders)
      .set({ deletedAt: ctx.now, deletedById: ctx.actor.id, updatedAt: ctx.now })
      .where(and(or(eq(documentFolders.id, folder.id), eq(documentFolders.parentId, folder.id)), isNull(documentFolders.deletedAt)))
      .returning({ id: documentFolders.id });
    const trashedDocuments = await tx
      .update(documents)
      .set({ deletedAt: ctx.now, deletedById: ctx.actor.id, publicToken: null, publicExpiresAt: null, updatedAt: ctx.now })
      .where(and(inArray(documents.folderId, trashedFolders.map((f) => f.id)), isNull(documents.deletedAt)))
      .returning({ id: documents.id, cardId: documents.cardId, name: documents.name });
    const attached = trashedDocuments.filter((d) => d.cardId);
    await recordHistory(tx, ctx.actor.id, ctx.now, attached.map((d) => ({ cardId: d.cardId!, kind: "document_removed" as const, data: { documentId: d.id, name: d.name } })));
    return [...new Set(attached.map((d) => d.cardId!))];
  });
  return { folderId: folder.id, moduleId: folder.moduleId, cardIds };
}

/**
 * Brings a folder back with what went to the trash with it. A subfolder whose parent is still in the
 * trash cannot come back alone (restore the parent).
 */
export async function restoreFolder(ctx: Ctx, raw: { folderId: string }) {
  if (!can(ctx.actor, "documents.manage") || !can(ctx.actor, "trash.restore")) throw forbidden();
  const { folderId } = folderIdSchema.parse(raw);
  const [folder] = await ctx.db.select().from(documentFolders).where(and(eq(documentFolders.id, folderId), isNotNull(documentFolders.deletedAt)));
  if (!folder) throw notFound("folder_not_found");
  if (folder.parentId) {
    const [parent] = await ctx.db.select({ deletedAt: documentFolders.deletedAt }).from(documentFolders).where(eq(documentFolders.id, folder.parentId));
    if (parent?.deletedAt) throw conflict("folder_parent_trashed");
  }
  const at = folder.deletedAt!;
  const cardIds = await ctx.db.transaction(async (tx) => {
    const restoredFolders = await tx
      .update(documentFolders)
      .set({ deletedAt: null, deletedById: null, updatedAt: ctx.now })
      .where(and(or(eq(documentFolders.id, folder.id), eq(documentFolders.parentId, folder.id)), eq(documentFolders.deletedAt, at)))
      .returning({ id: documentFolders.id });
    if (!restoredFolders.some((f) => f.id === folder.id)) throw notFound("folder_not_found");
    const restored = await tx
      .update(documents)
      .set({ deletedAt: null, deletedById: null, updatedAt: ctx.now })
      .where(and(inArray(documents.folderId, restoredFolders.map((f) => f.id)), eq(documents.deletedAt, at)))
      .returning({ id: documents.id, cardId: documents.cardId, name: documents.name });
    const attached = restored.filter((d) => d.cardId);
    await recordHistory(tx, ctx.actor.id, ctx.now, attached.map((d) => ({ cardId: d.cardId!, kind: "document_added" as const, data: { documentId: d.id, name: d.name, restored: true } })));
    return [...new Set(attached.map((d) => d.cardId!))];
  });
  return { folderId: folder.id, moduleId: folder.moduleId, cardIds };
}
