import { beforeAll, describe, expect, it } from "vitest";
import { modules, statuses } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { trashCard } from "@/lib/cards/trash-card";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm, seedTodoRow } from "@/test/crm-fixtures";
import { completeTodo } from "./complete-todo";
import { createTodo } from "./create-todo";
import { listMyTodos } from "./list-my-todos";
import { trashTodo } from "./trash-todo";

const tz = "Europe/Budapest";
const now = new Date("2026-05-04T10:00:00Z"); // Monday 12:00 in Budapest

describe("listMyTodos", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });
  const card = async (owner: Actor, name: string, moduleId = crm.module.id, ownerId?: string | null) =>
    (await createCard(ctx(db, owner), { moduleId, name, ...(ownerId !== undefined ? { ownerId } : {}) })).cardId;
  const todo = async (by: Actor, cardId: string, assignee: Actor, date: string, time: string, text: string) =>
    (await createTodo(ctx(db, by), { cardId, text, type: "meeting", assigneeId: assignee.id, date, time })).todoId;
  const mine = async (actor: Actor, at = now, limitPerGroup?: number) => listMyTodos(db, actor, { now: at, timeZone: tz, limitPerGroup });
  const texts = (result: Awaited<ReturnType<typeof listMyTodos>>) => Object.fromEntries(result.groups.map((g) => [g.group, g.todos.map((t) => t.text)]));

  it("groups my open todos across modules into overdue, today, tomorrow and later, by deadline", async () => {
    const manager = crm.actors.manager;
    const [support] = await db.insert(modules).values({ name: "Support" }).returning();
    await db.insert(statuses).values({ moduleId: support.id, name: "New ticket" });
    const deal = await card(manager, "Deal");
    const ticket = await card(manager, "Ticket", support.id);
    await todo(manager, deal, manager, "2026-05-04", "12:00", "due this minute");
    await todo(manager, ticket, manager, "2026-04-30", "08:00", "long overdue");
    await todo(manager, deal, manager, "2026-05-04", "23:59", "tonight");
    await todo(manager, ticket, manager, "2026-05-05", "00:00", "tomorrow midnight");
    await todo(manager, deal, manager, "2026-05-05", "23:59", "tomorrow night");
    await todo(manager, deal, manager, "2026-05-06", "00:00", "day after");
    await todo(manager, deal, crm.actors.normal, "2026-05-04", "13:00", "someone else's");
    const done = await todo(manager, deal, manager, "2026-05-04", "13:00", "done already");
    await completeTodo(ctx(db, manager), { todoId: done });
    const trashed = await todo(manager, deal, manager, "2026-05-04", "13:00", "trashed");
    await trashTodo(ctx(db, manager), { todoId: trashed });

    const result = await mine(manager);
    expect(texts(result)).toEqual({
      overdue: ["long overdue", "due this minute"],
      today: ["tonight"],
      tomorrow: ["tomorrow midnight", "tomorrow night"],
      later: ["day after"],
    });
    expect(result.total).toBe(6);
    expect(result.groups.map((g) => [g.group, g.count, g.more])).toEqual([
      ["overdue", 2, 0],
      ["today", 1, 0],
      ["tomorrow", 2, 0],
      ["later", 1, 0],
    ]);
    expect(result.groups[0].todos[0]).toMatchObject({
      type: "meeting",
      deadline: new Date("2026-04-30T06:00:00Z"),
      card: { id: ticket, name: "Ticket" },
      module: { id: support.id, name: "Support" },
    });

    // Past midnight "tomorrow" becomes "today"; trashing the card takes its todos away.
    const nextDay = await mine(manager, new Date("2026-05-04T22:30:00Z"));
    expect(texts(nextDay).today).toEqual(["tomorrow night"]);
    expect(texts(nextDay).tomorrow).toEqual(["day after"]);
    await trashCard(ctx(db, manager), { cardId: ticket });
    expect(texts(await mine(manager)).overdue).toEqual(["due this minute"]);
  });

  it("caps each group and says how many more there are", async () => {
    const admin = crm.actors.admin;
    const deal = await card(admin, "Busy");
    for (let i = 0; i < 5; i++) await todo(admin, deal, admin, "2026-06-01", `0${i}:00`, `later ${i}`);
    const result = await mine(admin, now, 3);
    const later = result.groups.find((g) => g.group === "later")!;
    expect(later).toMatchObject({ count: 5, more: 2 });
    expect(later.todos.map((t) => t.text)).toEqual(["later 0", "later 1", "later 2"]);
    // Counting stops at countCap: the page says "3+" rather than scanning thousands of old todos.
    const capped = await listMyTodos(db, admin, { now, timeZone: tz, limitPerGroup: 2, countCap: 3 });
    expect(capped.groups.find((g) => g.group === "later")).toMatchObject({ count: 3, countCapped: true, more: 1 });
    // "Show all" on one group lists all of it; the others keep their first rows.
    const expanded = await listMyTodos(db, admin, { now, timeZone: tz, limitPerGroup: 2, expandedGroup: "later" });
    expect(expanded.groups.find((g) => g.group === "later")).toMatchObject({ count: 5, more: 0 });
    expect(expanded.groups.find((g) => g.group === "later")!.todos).toHaveLength(5);
  });

  it("never lists a todo on a card the user may not see, even if it is assigned to them", async () => {
    const { admin, normal, restricted, otherRestricted, groupManagerHu, groupRestrictedRo } = crm.actors;
    const cards = {
      normals: await card(normal, "Normal's"),
      restricteds: await card(restricted, "Restricted's"),
      others: await card(otherRestricted, "Other's"),
      nobodys: await card(admin, "Nobody's", crm.module.id, null),
      admins: await card(admin, "Admin's"),
    };
    for (const actor of [restricted, otherRestricted, groupManagerHu, groupRestrictedRo]) {
      // Written directly (createTodo refuses an assignee who cannot see the card): My todos must hide such old data anyway.
      for (const [key, cardId] of Object.entries(cards)) await seedTodoRow(db, { cardId, assigneeId: actor.id, deadline: new Date("2026-05-05T08:00:00Z"), text: key });
    }
    const seen = async (actor: Actor) => (await mine(actor)).groups.flatMap((g) => g.todos.map((t) => t.text)).sort();
    expect(await seen(restricted)).toEqual(["nobodys", "restricteds"]);
    expect(await seen(otherRestricted)).toEqual(["nobodys", "others"]);
    expect(await seen(groupRestrictedRo)).toEqual(["nobodys", "others"]);
    expect(await seen(groupManagerHu)).toEqual(["normals", "restricteds"]);
    expect((await mine(restricted)).total).toBe(2);
  });
});
