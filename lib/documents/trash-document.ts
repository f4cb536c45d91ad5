import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { documentFolders, documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { documentIdSchema } from "./document-input";
import { changeOf } from "./manage-document";
import { getVisibleDocumentOrThrow, visibleDocumentsCondition } from "./scope";
import type { DocumentChange } from "./upload-document";

/**
 * Moves a document to the trash (never a hard delete; its bytes stay for a restore). A card's
 * attachment may be taken off by whoever may attach to that card; a module's own document needs
 * `documents.manage`. Its public link is revoked: a document back from the trash is not public again
 * by surprise.
 */
export async function trashDocument(ctx: Ctx, raw: { documentId: string }): Promise<DocumentChange> {
  const { documentId } = documentIdSchema.parse(raw);
  if (!can(ctx.actor, "documents.attach") && !can(ctx.actor, "documents.manage")) throw forbidden();
  const document = await getVisibleDocumentOrThrow(ctx.db, ctx.actor, documentId);
  if (!can(ctx.actor, "documents.manage") && !(document.cardId && can(ctx.actor, "documents.attach"))) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(documents)
      .set({ deletedAt: ctx.now, deletedById: ctx.actor.id, publicToken: null, publicExpiresAt: null, updatedAt: ctx.now })
      .where(and(eq(documents.id, document.id), isNull(documents.deletedAt)))
      .returning({ id: documents.id });
    if (done.length === 0) throw notFound("document_not_found");
    if (document.cardId) await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: document.cardId, kind: "document_removed", data: { documentId: document.id, name: document.name } }]);
  });
  return changeOf(ctx.db, document);
}

/**
 * Brings a document back from the trash, into its folder — or to the module's top level when that
 * folder is in the trash itself. Only for whoever may restore from the trash and sees the document
 * (a card's attachment comes back only while its card is live and visible).
 */
export async function restoreDocument(ctx: Ctx, raw: { documentId: string }): Promise<DocumentChange> {
  if (!can(ctx.actor, "trash.restore")) throw forbidden();
  const { documentId } = documentIdSchema.parse(raw);
  const [document] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), isNotNull(documents.deletedAt), visibleDocumentsCondition(ctx.actor)));
  if (!document) throw notFound("document_not_found");
  await ctx.db.transaction(async (tx) => {
    const [folder] = document.folderId
      ? await tx.select({ id: documentFolders.id }).from(documentFolders).where(and(eq(documentFolders.id, document.folderId), isNull(documentFolders.deletedAt)))
      : [];
    const done = await tx
      .update(documents)
      .set({ deletedAt: null, deletedById: null, folderId: folder?.id ?? null, updatedAt: ctx.now })
      .where(and(eq(documents.id, document.id), isNotNull(documents.deletedAt)))
      .returning({ id: documents.id });
    if (done.length === 0) throw notFound("document_not_found");
    if (document.cardId) await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: document.cardId, kind: "document_added", data: { documentId: document.id, name: document.name, restored: true } }]);
  });
  return changeOf(ctx.db, document);
}
