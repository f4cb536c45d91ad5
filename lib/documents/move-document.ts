import { documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { notFound } from "@/lib/errors";
import { placeDocumentSchema } from "./document-input";
import { getLiveFolderOrThrow } from "./folders";
import { changeOf, getManagedDocumentOrThrow, liveDocument } from "./manage-document";
import type { DocumentChange } from "./upload-document";

/** Moves a document to another folder of its module (none: the top level). Its card attachment stays. */
export async function moveDocument(ctx: Ctx, raw: { documentId: string; folderId?: string | null }): Promise<DocumentChange> {
  const input = placeDocumentSchema.parse(raw);
  const document = await getManagedDocumentOrThrow(ctx, input.documentId);
  if (input.folderId) await getLiveFolderOrThrow(ctx.db, document.moduleId, input.folderId);
  const moved = await ctx.db
    .update(documents)
    .set({ folderId: input.folderId ?? null, updatedAt: ctx.now })
    .where(liveDocument(document.id))
    .returning({ id: documents.id });
  if (moved.length === 0) throw notFound("document_not_found");
  return changeOf(ctx.db, document);
}
