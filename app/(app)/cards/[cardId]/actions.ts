"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/safe-action";
import { cardContactSchema, cardIdSchema, newCardContactSchema, updateCardSchema } from "@/lib/cards/card-input";
import { cardHistorySchema, listCardHistory } from "@/lib/cards/list-card-history";
import { linkContact, linkNewContact, unlinkContact } from "@/lib/cards/link-contact";
import { trashCard } from "@/lib/cards/trash-card";
import { updateCard } from "@/lib/cards/update-card";
import { completeTodo, reopenTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { createTodoSchema, todoIdSchema, updateTodoSchema } from "@/lib/todos/todo-input";
import { trashTodo } from "@/lib/todos/trash-todo";
import { updateTodo } from "@/lib/todos/update-todo";
import { announceCardChange } from "@/lib/realtime/announce";
import { publishToUsers } from "@/lib/realtime/publish";

/** The card page and the lists that show the card (its module's list and board, My todos). */
const revalidateCard = ({ cardId, moduleId }: { cardId: string; moduleId: string }) => {
  revalidatePath(`/cards/${cardId}`);
  revalidatePath(`/modules/${moduleId}`, "layout");
  revalidatePath("/todos");
};

export const updateCardAction = authedAction({ schema: updateCardSchema, permission: "cards.update" }, async (ctx, input) => {
  const result = await updateCard(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "card.changed", result, [result.previousOwnerId]);
  // Assignees who lost their todos with the card: their My todos refetch (no ids: they may no longer see the card).
  publishToUsers({ kind: "todo.changed" }, result.reassignedFromIds);
  return { version: result.version, changes: result.changes };
});

export const linkContactAction = authedAction({ schema: cardContactSchema, permission: "cards.update" }, async (ctx, input) => {
  const result = await linkContact(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "card.changed", result);
});

export const linkNewContactAction = authedAction({ schema: newCardContactSchema, permission: "cards.update" }, async (ctx, input) => {
  const result = await linkNewContact(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "card.changed", result);
});

export const unlinkContactAction = authedAction({ schema: cardContactSchema, permission: "cards.update" }, async (ctx, input) => {
  const result = await unlinkContact(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "card.changed", result);
});

/** Trashing leaves the page: the card is gone from it, so the browser goes back to the module's list. */
export const trashCardAction = authedAction({ schema: cardIdSchema, permission: "cards.trash" }, async (ctx, input) => {
  const result = await trashCard(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "card.trashed", result);
  revalidatePath("/trash");
  redirect(`/modules/${result.moduleId}`);
});

export const createTodoAction = authedAction({ schema: createTodoSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await createTodo(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "todo.created", result);
  return { todoId: result.todoId };
});

export const updateTodoAction = authedAction({ schema: updateTodoSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await updateTodo(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "todo.changed", result);
  return { todoId: result.todoId };
});

export const completeTodoAction = authedAction({ schema: todoIdSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await completeTodo(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "todo.completed", result);
  return { todoId: result.todoId };
});

export const reopenTodoAction = authedAction({ schema: todoIdSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await reopenTodo(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "todo.reopened", result);
  return { todoId: result.todoId };
});

export const trashTodoAction = authedAction({ schema: todoIdSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await trashTodo(ctx, input);
  revalidateCard(result);
  await announceCardChange(ctx.db, "todo.trashed", result);
  revalidatePath("/trash");
  return { todoId: result.todoId };
});

/** "Show older" in the history block: the next page before the oldest entry shown. */
export const loadOlderHistoryAction = authedAction({ schema: cardHistorySchema, permission: "cards.view" }, (ctx, input) =>
  listCardHistory(ctx.db, ctx.actor, input),
);
