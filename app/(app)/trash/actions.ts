"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { cardIdSchema } from "@/lib/cards/card-input";
import { restoreCard } from "@/lib/cards/trash-card";
import { todoIdSchema } from "@/lib/todos/todo-input";
import { restoreTodo } from "@/lib/todos/trash-todo";
import { announceCardChange } from "@/lib/realtime/announce";
import { publishViewsChanged } from "@/lib/realtime/publish";
import { restoreView } from "@/lib/views/restore-view";
import { viewIdSchema } from "@/lib/views/view-input";

const revalidateRestored = ({ cardId, moduleId }: { cardId: string; moduleId: string }) => {
  revalidatePath("/trash");
  revalidatePath(`/cards/${cardId}`);
  revalidatePath(`/modules/${moduleId}`, "layout");
  revalidatePath("/todos");
};

export const restoreCardAction = authedAction({ schema: cardIdSchema, permission: "trash.restore" }, async (ctx, input) => {
  const result = await restoreCard(ctx, input);
  await announceCardChange(ctx.db, "card.restored", result);
  revalidateRestored(result);
  return { cardId: result.cardId };
});

export const restoreTodoAction = authedAction({ schema: todoIdSchema, permission: "trash.restore" }, async (ctx, input) => {
  const result = await restoreTodo(ctx, input);
  await announceCardChange(ctx.db, "todo.restored", result);
  revalidateRestored(result);
  return { todoId: result.todoId, cardId: result.cardId };
});

/** The verb decides: a view's creator restores it, and whoever may restore from the trash a shared one. */
export const restoreViewAction = authedAction({ schema: viewIdSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await restoreView(ctx, input);
  revalidatePath("/trash");
  revalidatePath(`/modules/${result.moduleId}`, "layout");
  publishViewsChanged(result.moduleId);
  return { viewId: result.viewId };
});
