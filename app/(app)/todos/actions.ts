"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { completeTodo } from "@/lib/todos/complete-todo";
import { todoIdSchema } from "@/lib/todos/todo-input";
import { announceCardChange } from "@/lib/realtime/announce";

/** "Done" on My todos: the todo goes to its card's history; the lists that showed it refresh. */
export const completeMyTodoAction = authedAction({ schema: todoIdSchema, permission: "todos.manage" }, async (ctx, input) => {
  const result = await completeTodo(ctx, input);
  await announceCardChange(ctx.db, "todo.completed", result);
  revalidatePath("/todos");
  revalidatePath(`/modules/${result.moduleId}`, "layout");
  revalidatePath(`/cards/${result.cardId}`);
  return { todoId: result.todoId, cardId: result.cardId };
});
