import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cardAssignees, cards, history, todos } from "@/db/schema";
import { createCard } from "@/lib/cards/create-card";
import { updateCard } from "@/lib/cards/update-card";
import { trashCard } from "@/lib/cards/trash-card";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { completeTodo, reopenTodo } from "./complete-todo";
import { createTodo } from "./create-todo";
import { restoreTodo, trashTodo } from "./trash-todo";
import { updateTodo } from "./update-todo";

describe("todo verbs", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });
  const cardRow = async (id: string) => (await db.select().from(cards).where(eq(cards.id, id)))[0];
  const assignees = (cardId: string) => db.select().from(cardAssignees).where(eq(cardAssignees.cardId, cardId)).orderBy(asc(cardAssignees.nextTodoDeadline));

  it("stores the deadline on the organisation's clock (DST-correct) and keeps the card's next todo and per-assignee rows", async () => {
    const anna = ctx(db, crm.actors.normal);
    const { cardId } = await createCard(anna, { moduleId: crm.module.id, name: "Follow-up" });
    const summer = await createTodo(anna, { cardId, text: "Call back", type: "call", assigneeId: crm.actors.manager.id, date: "2026-07-01", time: "09:30" });
    expect(summer.deadline.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    const winter = await createTodo(anna, { cardId, text: "Send offer", type: "email", assigneeId: crm.actors.normal.id, date: "2026-01-10", time: "09:30" });
    expect(winter.deadline.toISOString()).toBe("2026-01-10T08:30:00.000Z");

    expect(await cardRow(cardId)).toMatchObject({ nextTodoId: winter.todoId, nextTodoDeadline: winter.deadline });
    expect((await assignees(cardId)).map((a) => [a.assigneeId, a.nextTodoId, a.openTodos])).toEqual([
      [crm.actors.normal.id, winter.todoId, 1],
      [crm.actors.manager.id, summer.todoId, 1],
    ]);

    // Moving the deadline later re-sorts the card; moving the card keeps the per-assignee status in step.
    await updateTodo(anna, { todoId: winter.todoId, date: "2026-08-01" });
    expect((await cardRow(cardId)).nextTodoId).toBe(summer.todoId);
    await updateCard(anna, { cardId, version: 1, statusId: crm.statuses.offer.id });
    expect((await assignees(cardId)).every((a) => a.statusId === crm.statuses.offer.id)).toBe(true);
  });

  it("completes into history with who and when, reopens, trashes and restores — each recorded", async () => {
    const anna = ctx(db, crm.actors.normal);
    const { cardId } = await createCard(anna, { moduleId: crm.module.id, name: "Lifecycle" });
    const { todoId } = await createTodo(anna, { cardId, text: "Meet", type: "meeting", assigneeId: crm.actors.normal.id, date: "2026-05-05", time: "10:00" });
    const doneAt = new Date("2026-05-05T09:00:00Z");
    await completeTodo(ctx(db, crm.actors.manager, doneAt), { todoId });
    const [todo] = await db.select().from(todos).where(eq(todos.id, todoId));
    expect(todo).toMatchObject({ completedAt: doneAt, completedById: crm.actors.manager.id });
    expect(await cardRow(cardId)).toMatchObject({ nextTodoId: null, nextTodoDeadline: null });
    expect(await assignees(cardId)).toEqual([]);
    await expect(completeTodo(anna, { todoId })).rejects.toMatchObject({ code: "todo_already_completed" });

    await reopenTodo(anna, { todoId });
    expect((await cardRow(cardId)).nextTodoId).toBe(todoId);
    await trashTodo(anna, { todoId });
    expect((await cardRow(cardId)).nextTodoId).toBeNull();
    await expect(restoreTodo(anna, { todoId })).rejects.toMatchObject({ code: "forbidden" });
    await restoreTodo(ctx(db, crm.actors.admin), { todoId });
    expect((await cardRow(cardId)).nextTodoId).toBe(todoId);

    const kinds = (await db.select().from(history).where(eq(history.cardId, cardId)).orderBy(asc(history.id))).map((h) => h.kind);
    expect(kinds).toEqual(["card_created", "todo_completed", "todo_reopened", "todo_trashed", "todo_restored"]);
  });

  it("drops a trashed card's todos from the per-user lists", async () => {
    const anna = ctx(db, crm.actors.normal);
    const { cardId } = await createCard(anna, { moduleId: crm.module.id, name: "Gone" });
    await createTodo(anna, { cardId, text: "x", assigneeId: crm.actors.manager.id, date: "2026-05-06", time: "08:00" });
    await trashCard(anna, { cardId });
    expect(await assignees(cardId)).toEqual([]);
  });

  it("refuses a todo for a deactivated user, on an invisible card, or with a bad time", async () => {
    const { cardId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Private" });
    await expect(createTodo(ctx(db, crm.actors.otherRestricted), { cardId, text: "x", assigneeId: crm.actors.otherRestricted.id, date: "2026-05-06", time: "08:00" })).rejects.toMatchObject({ code: "card_not_found" });
    await expect(createTodo(ctx(db, crm.actors.normal), { cardId, text: "x", assigneeId: crm.actors.normal.id, date: "2026-05-06", time: "25:00" })).rejects.toThrow();
  });
});
