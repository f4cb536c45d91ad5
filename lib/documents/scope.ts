import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, documents } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { notFound } from "@/lib/errors";

/** The roles that see a module's own documents (those attached to no card): who sees every card, and group managers. */
export const seesModuleDocuments = (actor: Pick<Actor, "role">) => actor.role === "admin" || actor.role === "manager" || actor.role === "normal" || actor.role === "group_manager";

/**
 * The one rule for which documents a user may see: one attached to a card exactly when that card is
 * live and visible (lib/cards/scope.ts); a module's own ones for the roles of `seesModuleDocuments`.
 * Every document query — lists, a document by id, a download, a copy or move — adds this condition.
 */
export function visibleDocumentsCondition(actor: Pick<Actor, "id" | "role" | "groupIds">): SQL {
  const cardVisible = inArray(
    documents.cardId,
    sql`(select ${cards.id} from ${cards} where ${and(isNull(cards.deletedAt), visibleCardsCondition(actor))})`,
  );
  return seesModuleDocuments(actor) ? or(isNull(documents.cardId), cardVisible)! : cardVisible;
}

/** A live document the actor may see, or NotFound — never revealing that an invisible one exists. */
export async function getVisibleDocumentOrThrow(db: Db, actor: Actor, documentId: string) {
  const [document] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt), visibleDocumentsCondition(actor)));
  if (!document) throw notFound("document_not_found");
  return document;
}
