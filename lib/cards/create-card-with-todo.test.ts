import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cards, todos, users } from "@/db/schema";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createCardWithTodo } from "./create-card-with-todo";

describe("createCardWithTodo", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  it("creates the card and its first todo, from form-style JSON strings", async () => {
    const result = await createCardWithTodo(ctx(db, crm.actors.normal), {
      moduleId: crm.module.id,
      name: "Fresh lead",
      values: JSON.stringify({ [crm.fields.source.id]: "fair" }),
      contactIds: "[]",
      newContacts: "[]",
      todo: JSON.stringify({ text: "First call", type: "call", assigneeId: crm.actors.manager.id, date: "2026-05-05", time: "09:00" }),
    });
    const [todo] = await db.select().from(todos).where(eq(todos.cardId, result.cardId));
    expect(todo).toMatchObject({ id: result.todoId, text: "First call", assigneeId: crm.actors.manager.id });
    expect(todo.deadline.toISOString()).toBe("2026-05-05T07:00:00.000Z");
    const [card] = await db.select().from(cards).where(eq(cards.id, result.cardId));
    expect(card).toMatchObject({ nextTodoId: todo.id, values: { [crm.fields.source.id]: "fair" } });
  });

  it("creates no card when the todo is refused, and names the todo's fields", async () => {
    const [gone] = await db.insert(users).values({ email: "left@test.hu", deactivatedAt: new Date() }).returning();
    const before = (await db.select().from(cards)).length;
    await expect(
      createCardWithTodo(ctx(db, crm.actors.normal), {
        moduleId: crm.module.id,
        name: "Half made",
        todo: { text: "x", type: "call", assigneeId: gone.id, date: "2026-05-05", time: "09:00" },
      }),
    ).rejects.toMatchObject({ code: "inactive_user", fields: { "todo.assigneeId": "inactive_user" } });
    await expect(
      createCardWithTodo(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "", todo: { text: "", assigneeId: crm.actors.normal.id, date: "2026-05-05", time: "9" } }),
    ).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ["todo", "text"] }), expect.objectContaining({ path: ["name"] })]) });
    expect(await db.select().from(cards)).toHaveLength(before);
  });

  it("creates just the card without a todo", async () => {
    const result = await createCardWithTodo(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "No todo", todo: "" });
    expect(result.todoId).toBeNull();
  });
});
