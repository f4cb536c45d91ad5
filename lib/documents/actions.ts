"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { copyDocument } from "./copy-document";
import { createFolder, renameFolder } from "./create-folder";
import { createFolderSchema, documentIdSchema, folderIdSchema, placeDocumentSchema, publishDocumentSchema, renameFolderSchema } from "./document-input";
import { moveDocument } from "./move-document";
import { publishDocument, revokePublicLink } from "./publish-document";
import { publishDocumentChanges, publishFolderChange } from "./publish-changes";
import { restoreDocument, trashDocument } from "./trash-document";
import { restoreFolder, trashFolder } from "./trash-folder";
import type { DocumentChange } from "./upload-document";

/** The Documents page, the card's page and the trash show documents: all re-render after a change. */
function revalidate(moduleId: string, cardIds: (string | null)[] = []) {
  revalidatePath(`/modules/${moduleId}/documents`);
  for (const cardId of cardIds) if (cardId) revalidatePath(`/cards/${cardId}`);
  revalidatePath("/trash");
}

async function after(ctx: { db: Parameters<typeof publishDocumentChanges>[0] }, change: DocumentChange) {
  await publishDocumentChanges(ctx.db, [change]);
  revalidate(change.moduleId, [change.cardId]);
  return { documentId: change.documentId };
}

export const createFolderAction = authedAction({ schema: createFolderSchema, permission: "documents.manage" }, async (ctx, input) => {
  const result = await createFolder(ctx, input);
  await publishFolderChange(ctx.db, result);
  revalidate(result.moduleId);
  return result;
});

export const renameFolderAction = authedAction({ schema: renameFolderSchema, permission: "documents.manage" }, async (ctx, input) => {
  const result = await renameFolder(ctx, input);
  await publishFolderChange(ctx.db, result);
  revalidate(result.moduleId);
  return result;
});

export const trashFolderAction = authedAction({ schema: folderIdSchema, permission: "documents.manage" }, async (ctx, input) => {
  const result = await trashFolder(ctx, input);
  await publishFolderChange(ctx.db, result);
  revalidate(result.moduleId, result.cardIds);
  return { folderId: result.folderId };
});

export const restoreFolderAction = authedAction({ schema: folderIdSchema, permission: "trash.restore" }, async (ctx, input) => {
  const result = await restoreFolder(ctx, input);
  await publishFolderChange(ctx.db, result);
  revalidate(result.moduleId, result.cardIds);
  return { folderId: result.folderId };
});

export const moveDocumentAction = authedAction({ schema: placeDocumentSchema, permission: "documents.manage" }, async (ctx, input) => after(ctx, await moveDocument(ctx, input)));

export const copyDocumentAction = authedAction({ schema: placeDocumentSchema, permission: "documents.manage" }, async (ctx, input) => after(ctx, await copyDocument(ctx, input)));

/** The verb decides between a card's attachment (documents.attach) and a module's own document (documents.manage). */
export const trashDocumentAction = authedAction({ schema: documentIdSchema, permission: "documents.attach" }, async (ctx, input) => after(ctx, await trashDocument(ctx, input)));

export const restoreDocumentAction = authedAction({ schema: documentIdSchema, permission: "trash.restore" }, async (ctx, input) => after(ctx, await restoreDocument(ctx, input)));

export const publishDocumentAction = authedAction({ schema: publishDocumentSchema, permission: "documents.manage" }, async (ctx, input) => {
  const result = await publishDocument(ctx, input);
  await after(ctx, result);
  return { documentId: result.documentId, path: `/api/public/documents/${result.token}`, expiresAt: result.expiresAt?.toISOString() ?? null };
});

export const revokePublicLinkAction = authedAction({ schema: documentIdSchema, permission: "documents.manage" }, async (ctx, input) => after(ctx, await revokePublicLink(ctx, input)));
