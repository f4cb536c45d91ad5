import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { getVisibleDocumentOrThrow } from "./scope";

export type OpenedDocument = { id: string; name: string; mimeType: string; size: number; blobId: string; sha256?: string };

/** A document the signed-in actor may read, for its download route. NotFound for anything they may not see. */
export async function openDocument(ctx: Ctx, documentId: string): Promise<OpenedDocument> {
  if (!can(ctx.actor, "documents.view")) throw notFound("document_not_found");
  const document = await getVisibleDocumentOrThrow(ctx.db, ctx.actor, documentId);
  return { id: document.id, name: document.name, mimeType: document.mimeType, size: document.size, blobId: document.blobId };
}

const tokenShape = /^[A-Za-z0-9_-]{43,100}$/;

/**
 * The document behind a public link: published, not expired, not in the trash, and — when attached —
 * its card not in the trash either. Anything else (a revoked, expired or guessed token) is NotFound.
 */
export async function openPublicDocument(db: Db, token: string, now: Date): Promise<OpenedDocument> {
  if (!tokenShape.test(token)) throw notFound("document_not_found");
  const [document] = await db
    .select({ id: documents.id, name: documents.name, mimeType: documents.mimeType, size: documents.size, blobId: documents.blobId })
    .from(documents)
    .leftJoin(cards, eq(cards.id, documents.cardId))
    .where(
      and(
        eq(documents.publicToken, token),
        isNull(documents.deletedAt),
        or(isNull(documents.publicExpiresAt), gt(documents.publicExpiresAt, now)),
        or(isNull(documents.cardId), isNull(cards.deletedAt)),
      ),
    );
  if (!document) throw notFound("document_not_found");
  return document;
}
