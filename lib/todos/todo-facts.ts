import type { todos } from "@/db/schema";

/** What a todo's history entry remembers of it (the todo row may change later). */
export const todoFacts = (t: Pick<typeof todos.$inferSelect, "id" | "text" | "type" | "assigneeId" | "deadline">) => ({
  todoId: t.id,
  text: t.text,
  type: t.type,
  assigneeId: t.assigneeId,
  deadline: t.deadline.toISOString(),
});
