import { documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { forbidden, notFound } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { cleanDocumentName } from "./document-name";
import { uploadDocumentSchema, type UploadDocumentInput } from "./document-input";
import { getLiveFolderOrThrow, getModuleOrThrow } from "./folders";
import { putBlob, uploadMaxBytes } from "./storage";

export type DocumentChange = { documentId: string; moduleId: string; cardId: string | null; cardOwnerId: string | null };

/**
 * Stores an uploaded file as a document of a module, in one of its folders or at its top level, and —
 * with `cardId` — attached to that card (whoever sees the card may attach; history "document_added").
 * A module's own documents are for `documents.manage`. The bytes stream into the database chunk by
 * chunk inside the one transaction: too large, empty or a bad name, and nothing is kept.
 */
export async function uploadDocument(ctx: Ctx, raw: UploadDocumentInput, body: AsyncIterable<Uint8Array>, { maxBytes = uploadMaxBytes() } = {}): Promise<DocumentChange> {
  const input = uploadDocumentSchema.parse(raw);
  if (!can(ctx.actor, input.cardId ? "documents.attach" : "documents.manage")) throw forbidden();
  const card = input.cardId ? await getVisibleCardOrThrow(ctx.db, ctx.actor, input.cardId) : null;
  if (card && card.moduleId !== input.moduleId) throw notFound("card_not_found");
  await getModuleOrThrow(ctx.db, input.moduleId, { live: true });
  if (input.folderId) await getLiveFolderOrThrow(ctx.db, input.moduleId, input.folderId);
  const name = cleanDocumentName(input.name);

  const documentId = await ctx.db.transaction(async (tx) => {
    const blob = await putBlob(tx, body, { maxBytes, now: ctx.now });
    const [document] = await tx
      .insert(documents)
      .values({
        moduleId: input.moduleId,
        folderId: input.folderId ?? null,
        cardId: card?.id ?? null,
        blobId: blob.id,
        name,
        mimeType: blob.mimeType,
        size: blob.size,
        createdById: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: documents.id });
    if (card) await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: card.id, kind: "document_added", data: { documentId: document.id, name } }]);
    return document.id;
  });
  return { documentId, moduleId: input.moduleId, cardId: card?.id ?? null, cardOwnerId: card?.ownerId ?? null };
}
