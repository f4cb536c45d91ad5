import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { createTodo } from "@/lib/todos/create-todo";
import { createTodoSchema } from "@/lib/todos/todo-input";
import { createCardSchema } from "./card-input";
import { createCard } from "./create-card";

const fromJson = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v === "") return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** "New card" as the form sends it: the card, and optionally its first todo (as JSON in a form field). */
export const newCardSchema = createCardSchema.extend({
  todo: z.preprocess(fromJson, createTodoSchema.omit({ cardId: true }).nullable()).optional(),
});
export type NewCardInput = z.input<typeof newCardSchema>;

/**
 * "New card" with its optional first todo: createCard, then createTodo, in one transaction, so a
 * refused todo (say, a deactivated assignee) leaves no half-made card behind. The todo's field errors
 * come back as `todo.<field>`.
 */
export async function createCardWithTodo(ctx: Ctx, raw: NewCardInput) {
  const { todo, ...card } = newCardSchema.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const inner: Ctx = { ...ctx, db: tx };
    const created = await createCard(inner, card);
    if (!todo) return { ...created, todoId: null };
    try {
      const { todoId } = await createTodo(inner, { ...todo, cardId: created.cardId });
      return { ...created, todoId };
    } catch (error) {
      if (error instanceof DomainError && error.kind === "invalid") {
        const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [`todo.${k}`, v]));
        throw new DomainError("invalid", error.code, fields, error.details);
      }
      throw error;
    }
  });
}
