import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { completeTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { trashTodo } from "@/lib/todos/trash-todo";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createCard } from "./create-card";
import { getCardPageOrThrow } from "./get-card-page";
import { listCardHistory } from "./list-card-history";
import { linkNewContact } from "./link-contact";
import { trashCard } from "./trash-card";
import { updateCard } from "./update-card";

const now = new Date("2026-05-04T10:00:00Z"); // 12:00 in Budapest
const zone = { now, timeZone: "Europe/Budapest" };

describe("getCardPageOrThrow", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  it("returns the card with its module, owner, contacts, open todos by deadline and history newest first with names", async () => {
    const anna = ctx(db, crm.actors.normal, now);
    const bela = ctx(db, crm.actors.manager, new Date("2026-05-04T10:05:00Z"));
    const { cardId } = await createCard(anna, {
      moduleId: crm.module.id,
      name: "Relaunch",
      values: { [crm.fields.budget.id]: { amount: 500000, currency: "HUF" } },
      newContacts: [{ kind: "company", name: "Duna Bt.", emails: ["info@duna.hu"], phones: ["+36 1 234 5678"] }],
    });
    const later = await createTodo(anna, { cardId, text: "Send offer", type: "email", assigneeId: crm.actors.normal.id, date: "2026-05-05", time: "09:00" });
    const overdue = await createTodo(anna, { cardId, text: "Call back", type: "call", assigneeId: crm.actors.manager.id, date: "2026-05-04", time: "09:00" });
    const today = await createTodo(anna, { cardId, text: "Prepare demo", type: "meeting", assigneeId: crm.actors.normal.id, date: "2026-05-04", time: "15:00" });
    const done = await createTodo(anna, { cardId, text: "First call", type: "call", assigneeId: crm.actors.normal.id, date: "2026-05-03", time: "10:00" });
    const gone = await createTodo(anna, { cardId, text: "Mistake", assigneeId: crm.actors.normal.id, date: "2026-05-03", time: "11:00" });
    await completeTodo(bela, { todoId: done.todoId });
    await trashTodo(anna, { todoId: gone.todoId });
    await updateCard(bela, { cardId, version: 1, statusId: crm.statuses.offer.id, ownerId: crm.actors.manager.id, values: { [crm.fields.source.id]: "web" } });

    const page = await getCardPageOrThrow(db, crm.actors.normal, cardId, zone);
    expect(page.card).toMatchObject({ id: cardId, name: "Relaunch", statusId: crm.statuses.offer.id, version: 2 });
    expect(page.card.values[crm.fields.budget.id]).toEqual({ amount: 500000, currency: "HUF" });
    expect(page.module.id).toBe(crm.module.id);
    expect(page.statuses.map((s) => s.name)).toEqual(["New lead", "Offer sent", "Won", "Lost"]);
    expect(page.fields.map((f) => f.name)).toEqual(["Budget", "Source", "Website"]);
    expect(page.owner).toEqual({ id: crm.actors.manager.id, name: "Test manager" });
    expect(page.contacts).toEqual([
      { id: expect.any(String), kind: "company", name: "Duna Bt.", emails: ["info@duna.hu"], phones: ["+36 1 234 5678"], company: null },
    ]);

    expect(page.todos.map((t) => [t.id, t.state, t.assigneeName])).toEqual([
      [overdue.todoId, "overdue", "Test manager"],
      [today.todoId, "today", "Test normal"],
      [later.todoId, "later", "Test normal"],
    ]);

    const kinds = page.history.entries.map((e) => [e.kind, e.actorName]);
    expect(kinds).toEqual([
      ["field_changed", "Test manager"],
      ["owner_changed", "Test manager"],
      ["status_changed", "Test manager"],
      ["todo_completed", "Test manager"], // 10:05, by Béla
      ["todo_trashed", "Test normal"], // 10:00, by Anna (saved earlier, but happened earlier too)
      ["card_created", "Test normal"], // with its contact (one entry)
    ]);
    const completed = page.history.entries.find((e) => e.kind === "todo_completed")!;
    expect(completed).toMatchObject({ actorId: crm.actors.manager.id, at: bela.now, data: { todoId: done.todoId, text: "First call", type: "call" } });
    expect(page.history.nextBefore).toBeNull();
    expect(page.activeUsers.map((u) => u.id)).toContain(crm.actors.normal.id);
  });

  it("shows a person's company and lists deactivated users only in `users`, last", async () => {
    const anna = ctx(db, crm.actors.normal, now);
    const { cardId } = await createCard(anna, {
      moduleId: crm.module.id,
      name: "People",
      newContacts: [{ kind: "company", name: "Tisza Zrt." }],
    });
    const page0 = await getCardPageOrThrow(db, crm.actors.normal, cardId, zone);
    const companyId = page0.contacts[0].id;
    await linkNewContact(anna, { cardId, contact: { kind: "person", lastName: "Kiss", firstName: "Éva", companyId, emails: ["eva@tisza.hu"] } });
    const [gone] = await db.insert(users).values({ email: "gone@test.hu", firstName: "Gone", lastName: "User", deactivatedAt: now }).returning();

    const page = await getCardPageOrThrow(db, crm.actors.admin, cardId, zone);
    expect(page.contacts.map((c) => [c.kind, c.name, c.company?.name ?? null])).toEqual([
      ["company", "Tisza Zrt.", null],
      ["person", "Kiss Éva", "Tisza Zrt."],
    ]);
    expect(page.users.find((u) => u.id === gone.id)).toEqual({ id: gone.id, name: "User Gone", active: false, seesCard: true });
    expect(page.activeUsers.some((u) => u.id === gone.id)).toBe(false);
    expect(page.users.at(-1)?.active).toBe(false); // deactivated users come last
  });

  it("pages the history newest first, 100 at a time, and loads the older ones by keyset", async () => {
    const anna = ctx(db, crm.actors.normal, now);
    const { cardId } = await createCard(anna, { moduleId: crm.module.id, name: "v0" });
    for (let i = 1; i <= 60; i++) {
      // Two entries per save: name and a field.
      await updateCard(ctx(db, crm.actors.normal, new Date(now.getTime() + i * 1000)), {
        cardId,
        version: i,
        name: `v${i}`,
        values: { [crm.fields.website.id]: `https://example.com/${i}` },
      });
    }
    const page = await getCardPageOrThrow(db, crm.actors.normal, cardId, zone);
    expect(page.history.entries).toHaveLength(100);
    expect(page.history.entries[0].kind).toBe("field_changed");
    expect(page.history.entries[1].data).toMatchObject({ old: "v59", new: "v60" });
    expect(page.history.nextBefore).toBe(page.history.entries.at(-1)!.id);

    const older = await listCardHistory(db, crm.actors.normal, { cardId, before: page.history.nextBefore! });
    expect(older.entries).toHaveLength(21);
    expect(older.entries.at(-1)!.kind).toBe("card_created");
    expect(older.nextBefore).toBeNull();
    const ids = [...page.history.entries, ...older.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(121);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    await expect(listCardHistory(db, crm.actors.otherRestricted, { cardId, before: page.history.nextBefore! })).rejects.toMatchObject({ code: "card_not_found" });
  });

  it("is NotFound for cards the actor may not see, trashed cards and malformed ids", async () => {
    const { cardId: annasCard } = await createCard(ctx(db, crm.actors.normal, now), { moduleId: crm.module.id, name: "Anna's (HU group)" });
    const { cardId: unowned } = await createCard(ctx(db, crm.actors.normal, now), { moduleId: crm.module.id, name: "Nobody's", ownerId: null });

    const sees = async (actor: keyof typeof crm.actors, cardId: string) =>
      getCardPageOrThrow(db, crm.actors[actor], cardId, zone).then(
        () => true,
        (e: { code?: string }) => {
          expect(e.code).toBe("card_not_found");
          return false;
        },
      );
    expect(await sees("admin", annasCard)).toBe(true);
    expect(await sees("manager", annasCard)).toBe(true);
    expect(await sees("restricted", annasCard)).toBe(false); // same group, but Restricted sees only own + unowned
    expect(await sees("otherRestricted", annasCard)).toBe(false);
    expect(await sees("groupManagerHu", annasCard)).toBe(true);
    expect(await sees("groupRestrictedRo", annasCard)).toBe(false); // other group
    expect(await sees("restricted", unowned)).toBe(true);
    expect(await sees("groupRestrictedRo", unowned)).toBe(true);

    await trashCard(ctx(db, crm.actors.normal, now), { cardId: annasCard });
    expect(await sees("admin", annasCard)).toBe(false);
    expect(await sees("admin", "not-a-uuid")).toBe(false);
  });

  it("marks todos due exactly now as overdue and the rest of today as today, in the organisation's zone", async () => {
    const anna = ctx(db, crm.actors.normal, now);
    const { cardId } = await createCard(anna, { moduleId: crm.module.id, name: "Edge" });
    await createTodo(anna, { cardId, text: "Now", assigneeId: crm.actors.normal.id, date: "2026-05-04", time: "12:00" });
    await createTodo(anna, { cardId, text: "Before midnight", assigneeId: crm.actors.normal.id, date: "2026-05-04", time: "23:59" });
    await createTodo(anna, { cardId, text: "Midnight", assigneeId: crm.actors.normal.id, date: "2026-05-05", time: "00:00" });
    const page = await getCardPageOrThrow(db, crm.actors.normal, cardId, zone);
    expect(page.todos.map((t) => [t.text, t.state])).toEqual([
      ["Now", "overdue"],
      ["Before midnight", "today"],
      ["Midnight", "later"],
    ]);
  });
});
