"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { updateCard } from "@/lib/cards/update-card";
import { announceCardChange } from "@/lib/realtime/announce";

const moveCardSchema = z.object({
  cardId: z.uuid("invalid_input"),
  version: z.coerce.number().int().positive(),
  statusId: z.uuid("invalid_status"),
});

/** The board's move (drag and drop or the "Move to" menu): a status change guarded by the card's version. */
export const moveCardAction = authedAction({ schema: moveCardSchema, permission: "cards.update" }, async (ctx, input) => {
  const result = await updateCard(ctx, input);
  await announceCardChange(ctx.db, "card.changed", result, [result.previousOwnerId]);
  revalidatePath(`/modules/${result.moduleId}`, "layout");
  revalidatePath(`/cards/${result.cardId}`);
  return { cardId: result.cardId, version: result.version };
});
