import { documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { recordHistory } from "@/lib/history/record-history";
import { placeDocumentSchema } from "./document-input";
import { getLiveFolderOrThrow } from "./folders";
import { changeOf, getManagedDocumentOrThrow } from "./manage-document";
import type { DocumentChange } from "./upload-document";

/**
 * A copy of a document in another folder of its module (none: the top level). The copy shares the
 * bytes (blobs are never changed) and keeps the card attachment, so it is seen by exactly the same
 * people — copying never moves a card's document out to the whole module.
 */
export async function copyDocument(ctx: Ctx, raw: { documentId: string; folderId?: string | null }): Promise<DocumentChange> {
  const input = placeDocumentSchema.parse(raw);
  const source = await getManagedDocumentOrThrow(ctx, input.documentId);
  if (input.folderId) await getLiveFolderOrThrow(ctx.db, source.moduleId, input.folderId);
  const documentId = await ctx.db.transaction(async (tx) => {
    const [copy] = await tx
      .insert(documents)
      .values({
        moduleId: source.moduleId,
        folderId: input.folderId ?? null,
        cardId: source.cardId,
        blobId: source.blobId,
        name: source.name,
        mimeType: source.mimeType,
        size: source.size,
        createdById: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: documents.id });
    if (source.cardId) await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: source.cardId, kind: "document_added", data: { documentId: copy.id, name: source.name } }]);
    return copy.id;
  });
  return changeOf(ctx.db, { id: documentId, moduleId: source.moduleId, cardId: source.cardId });
}
