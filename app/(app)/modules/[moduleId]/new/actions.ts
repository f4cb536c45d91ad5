"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/safe-action";
import { createCardWithTodo, newCardSchema } from "@/lib/cards/create-card-with-todo";
import { announceCardChange } from "@/lib/realtime/announce";

/** "New card": the card (with contacts and an optional first todo), then its page. */
export const createCardAction = authedAction({ schema: newCardSchema, permission: "cards.create" }, async (ctx, input) => {
  const { cardId, moduleId } = await createCardWithTodo(ctx, input);
  await announceCardChange(ctx.db, "card.created", { cardId, moduleId });
  revalidatePath(`/modules/${moduleId}`, "layout");
  revalidatePath("/todos");
  redirect(`/cards/${cardId}`);
});
