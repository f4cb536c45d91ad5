import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { getVisibleDocumentOrThrow } from "./scope";
import type { DocumentChange } from "./upload-document";

/** The owner of a document's card, for the live event's audience. */
export async function cardOwnerOf(db: Db, cardId: string | null): Promise<string | null> {
  if (!cardId) return null;
  const [card] = await db.select({ ownerId: cards.ownerId }).from(cards).where(eq(cards.id, cardId));
  return card?.ownerId ?? null;
}

/** A visible live document for a Documents-page action (`documents.manage`). */
export async function getManagedDocumentOrThrow(ctx: Ctx, documentId: string) {
  if (!can(ctx.actor, "documents.manage")) throw forbidden();
  return getVisibleDocumentOrThrow(ctx.db, ctx.actor, documentId);
}

export async function changeOf(db: Db, document: { id: string; moduleId: string; cardId: string | null }): Promise<DocumentChange> {
  return { documentId: document.id, moduleId: document.moduleId, cardId: document.cardId, cardOwnerId: await cardOwnerOf(db, document.cardId) };
}

/** Updates a document only while it is still live (a concurrent trash wins). */
export const liveDocument = (documentId: string) => and(eq(documents.id, documentId), isNull(documents.deletedAt));
