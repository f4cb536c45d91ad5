import { and, eq, isNotNull } from "drizzle-orm";
import { cards } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { refreshCardTodos } from "@/lib/todos/refresh-card-todos";
import { cardIdSchema } from "./card-input";
import { getVisibleCardOrThrow, visibleCardsCondition } from "./scope";

/** Moves a card to the trash (never a hard delete); its todos leave every list with it. */
export async function trashCard(ctx: Ctx, raw: { cardId: string }) {
  if (!can(ctx.actor, "cards.trash")) throw forbidden();
  const { cardId } = cardIdSchema.parse(raw);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, cardId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(cards)
      .set({ deletedAt: ctx.now, deletedById: ctx.actor.id, version: card.version + 1, updatedAt: ctx.now })
      .where(eq(cards.id, card.id));
    await refreshCardTodos(tx, card.id);
    await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: card.id, kind: "card_trashed", data: { version: card.version + 1 } }]);
  });
  return { cardId: card.id, moduleId: card.moduleId };
}

/** Brings a card back from the trash, with its open todos. */
export async function restoreCard(ctx: Ctx, raw: { cardId: string }) {
  if (!can(ctx.actor, "trash.restore")) throw forbidden();
  const { cardId } = cardIdSchema.parse(raw);
  const [card] = await ctx.db
    .select()
    .from(cards)
    .where(and(eq(cards.id, cardId), isNotNull(cards.deletedAt), visibleCardsCondition(ctx.actor)));
  if (!card) throw notFound("card_not_found");
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(cards)
      .set({ deletedAt: null, deletedById: null, version: card.version + 1, updatedAt: ctx.now, lastActivityAt: ctx.now })
      .where(and(eq(cards.id, card.id), isNotNull(cards.deletedAt)));
    await refreshCardTodos(tx, card.id);
    await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: card.id, kind: "card_restored", data: { version: card.version + 1 } }]);
  });
  return { cardId: card.id, moduleId: card.moduleId };
}

