import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, emails } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { notFound } from "@/lib/errors";

/**
 * A card's email, for someone who may see that card (lib/cards/scope.ts) — else NotFound, never
 * revealing that it exists. Bulk emails of a card are card emails here too (they have a cardId);
 * system emails (no card) are never shown this way.
 */
export async function getCardEmailOrThrow(db: Db, actor: Actor, emailId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(emailId)) throw notFound("email_not_found");
  const [row] = await db
    .select({ email: emails })
    .from(emails)
    .innerJoin(cards, eq(cards.id, emails.cardId))
    .where(and(eq(emails.id, emailId), isNull(cards.deletedAt), visibleCardsCondition(actor)));
  if (!row) throw notFound("email_not_found");
  return row.email;
}

export type CardEmailState = Pick<typeof emails.$inferSelect, "id" | "state" | "lastError" | "sentAt">;

/**
 * The delivery state of a card's emails, for its history entries (the history row holds subject and
 * address; the state lives on the email). No visibility check: callers have established the card is visible.
 */
export async function cardEmailStates(db: Db, cardId: string, limit = 500): Promise<CardEmailState[]> {
  return db
    .select({ id: emails.id, state: emails.state, lastError: emails.lastError, sentAt: emails.sentAt })
    .from(emails)
    .where(eq(emails.cardId, cardId))
    .orderBy(desc(emails.createdAt))
    .limit(limit);
}
