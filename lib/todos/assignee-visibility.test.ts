import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cardAssignees, cards, history, todos } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { createCardWithTodo } from "@/lib/cards/create-card-with-todo";
import { getCardPageOrThrow } from "@/lib/cards/get-card-page";
import { listCardUsers } from "@/lib/cards/list-card-users";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { updateCard } from "@/lib/cards/update-card";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTodo } from "./create-todo";
import { updateTodo } from "./update-todo";

type Crm = Awaited<ReturnType<typeof seedCrm>>;
type Who = keyof Crm["actors"];

/**
 * Who may be assigned a todo on a card owned by the Hungarian normal user: exactly those who see it.
 * Restricted users see only their own and unowned cards; the Romanian group-restricted user only
 * Romanian colleagues' and unowned cards; the Hungarian group manager sees Hungarian colleagues' cards.
 */
const seesNormalsCard: Record<Who, boolean> = {
  admin: true,
  manager: true,
  normal: true,
  groupManagerHu: true,
  restricted: false,
  otherRestricted: false,
  groupRestrictedRo: false,
};

describe("a todo's assignee must be able to see its card", async () => {
  const db = await createTestDb();
  let crm: Crm;
  let cardId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    cardId = (await createCard(ctx(db, crm.actors.admin), { moduleId: crm.module.id, name: "Normal's deal", ownerId: crm.actors.normal.id })).cardId;
  });
  const todoFor = (assignee: Actor) => ({ cardId, text: `Call for ${assignee.email}`, type: "call" as const, assigneeId: assignee.id, date: "2026-06-01", time: "10:00" });

  for (const [who, sees] of Object.entries(seesNormalsCard) as [Who, boolean][]) {
    it(`create and update: assigning ${who} is ${sees ? "allowed" : "refused"}`, async () => {
      const assignee = crm.actors[who];
      // The table agrees with the card rule itself.
      const [visible] = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.id, cardId), visibleCardsCondition(assignee)));
      expect(Boolean(visible)).toBe(sees);

      const admin = ctx(db, crm.actors.admin);
      const created = createTodo(admin, todoFor(assignee));
      if (sees) await expect(created).resolves.toMatchObject({ assigneeId: assignee.id });
      else await expect(created).rejects.toMatchObject({ kind: "invalid", code: "assignee_cannot_see_card", fields: { assigneeId: "assignee_cannot_see_card" } });

      const { todoId } = await createTodo(admin, todoFor(crm.actors.admin));
      const updated = updateTodo(admin, { todoId, assigneeId: assignee.id });
      if (sees) await expect(updated).resolves.toBeDefined();
      else await expect(updated).rejects.toMatchObject({ code: "assignee_cannot_see_card", fields: { assigneeId: "assignee_cannot_see_card" } });
      const [row] = await db.select().from(todos).where(eq(todos.id, todoId));
      expect(row.assigneeId).toBe(sees ? assignee.id : crm.actors.admin.id);
    });
  }

  it("the assignee picker (card page users) marks exactly the users who see the card", async () => {
    const page = await getCardPageOrThrow(db, crm.actors.admin, cardId, { now: new Date(), timeZone: "Europe/Budapest" });
    for (const [who, sees] of Object.entries(seesNormalsCard) as [Who, boolean][]) {
      expect(page.users.find((u) => u.id === crm.actors[who].id)?.seesCard, who).toBe(sees);
    }
    // Without a card, nothing is marked (the owner picker and history only need names).
    expect((await listCardUsers(db)).every((u) => u.seesCard === undefined)).toBe(true);
  });

  it("'New card' with a first todo for someone who will not see the card creates nothing", async () => {
    const before = (await db.select().from(cards)).length;
    await expect(
      createCardWithTodo(ctx(db, crm.actors.admin), {
        moduleId: crm.module.id,
        name: "Invisible to him",
        ownerId: crm.actors.normal.id,
        todo: { text: "Call", type: "call", assigneeId: crm.actors.restricted.id, date: "2026-06-01", time: "10:00" },
      }),
    ).rejects.toMatchObject({ code: "assignee_cannot_see_card", fields: { "todo.assigneeId": "assignee_cannot_see_card" } });
    expect(await db.select().from(cards)).toHaveLength(before);
    // Unowned, the Restricted user sees it: allowed.
    await expect(
      createCardWithTodo(ctx(db, crm.actors.admin), {
        moduleId: crm.module.id,
        name: "Unowned lead",
        ownerId: null,
        todo: { text: "Call", type: "call", assigneeId: crm.actors.restricted.id, date: "2026-06-01", time: "10:00" },
      }),
    ).resolves.toMatchObject({ todoId: expect.any(String) });
  });
});

describe("when a card's owner changes, open todos of assignees who lose the card go to the new owner", async () => {
  const db = await createTestDb();
  let crm: Crm;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });
  const at = new Date("2026-05-04T12:00:00Z");

  async function cardOf(owner: Actor) {
    const { cardId } = await createCard(ctx(db, crm.actors.admin), { moduleId: crm.module.id, name: `Deal of ${owner.email}`, ownerId: owner.id });
    const todo = async (assignee: Actor, text: string) =>
      (await createTodo(ctx(db, crm.actors.admin), { cardId, text, type: "call", assigneeId: assignee.id, date: "2026-06-01", time: "10:00" })).todoId;
    return { cardId, todo };
  }
  const assigneeOf = async (todoId: string) => (await db.select().from(todos).where(eq(todos.id, todoId)))[0].assigneeId;
  const reassignments = (cardId: string) =>
    db.select().from(history).where(and(eq(history.cardId, cardId), eq(history.kind, "todo_reassigned"))).orderBy(asc(history.id));

  it("hands the Restricted user's todo to the new owner, keeps the others, records it and refreshes My todos rows", async () => {
    const { cardId, todo } = await cardOf(crm.actors.restricted);
    const his = await todo(crm.actors.restricted, "His call");
    const managers = await todo(crm.actors.manager, "Manager's call");
    const result = await updateCard(ctx(db, crm.actors.admin, at), { cardId, version: 1, ownerId: crm.actors.normal.id });

    expect(result.changes).toEqual(["owner_changed", "todo_reassigned"]);
    expect(result.reassignedFromIds).toEqual([crm.actors.restricted.id]);
    expect(await assigneeOf(his)).toBe(crm.actors.normal.id);
    expect(await assigneeOf(managers)).toBe(crm.actors.manager.id);
    expect(await reassignments(cardId)).toEqual([
      expect.objectContaining({
        actorId: crm.actors.admin.id,
        at,
        data: { todoId: his, text: "His call", old: crm.actors.restricted.id, new: crm.actors.normal.id, reason: "owner_changed", version: 2 },
      }),
    ]);
    const rows = await db.select().from(cardAssignees).where(eq(cardAssignees.cardId, cardId));
    expect(rows.map((r) => r.assigneeId).sort()).toEqual([crm.actors.manager.id, crm.actors.normal.id].sort());
  });

  it("made unowned, a group manager's todo goes to whoever made the change (group managers do not see unowned cards)", async () => {
    const { cardId, todo } = await cardOf(crm.actors.normal);
    const gms = await todo(crm.actors.groupManagerHu, "GM's review");
    const restricteds = await todo(crm.actors.normal, "Normal's call");
    const result = await updateCard(ctx(db, crm.actors.manager, at), { cardId, version: 1, ownerId: null });
    expect(result.reassignedFromIds).toEqual([crm.actors.groupManagerHu.id]);
    expect(await assigneeOf(gms)).toBe(crm.actors.manager.id);
    expect(await assigneeOf(restricteds)).toBe(crm.actors.normal.id);
    expect(await reassignments(cardId)).toHaveLength(1);
  });

  it("leaves completed todos and assignees who still see the card alone; a refused owner change reassigns nothing", async () => {
    const { cardId, todo } = await cardOf(crm.actors.restricted);
    const done = await todo(crm.actors.restricted, "Done call");
    await db.update(todos).set({ completedAt: at, completedById: crm.actors.restricted.id }).where(eq(todos.id, done));
    const open = await todo(crm.actors.restricted, "Open call");
    // The Restricted owner may not give his card away: refused, and his todo stays his.
    await expect(updateCard(ctx(db, crm.actors.restricted, at), { cardId, version: 1, ownerId: crm.actors.normal.id })).rejects.toMatchObject({
      code: "owner_not_allowed",
    });
    expect(await assigneeOf(open)).toBe(crm.actors.restricted.id);
    expect(await reassignments(cardId)).toEqual([]);
    // Unowned, he still sees it: nothing moves.
    const result = await updateCard(ctx(db, crm.actors.restricted, at), { cardId, version: 1, ownerId: null });
    expect(result.reassignedFromIds).toEqual([]);
    expect(await assigneeOf(open)).toBe(crm.actors.restricted.id);
    // Given to another Restricted user by the admin: the open todo moves, the completed one stays in history as it was.
    await updateCard(ctx(db, crm.actors.admin, at), { cardId, version: 2, ownerId: crm.actors.otherRestricted.id });
    expect(await assigneeOf(open)).toBe(crm.actors.otherRestricted.id);
    expect(await assigneeOf(done)).toBe(crm.actors.restricted.id);
  });
});

describe("deadlines and date fields stay between 2000-01-01 and 2100-12-31", async () => {
  const db = await createTestDb();
  let crm: Crm;
  let cardId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    cardId = (await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Dated" })).cardId;
  });
  const outOfRange = expect.objectContaining({ issues: [expect.objectContaining({ path: ["date"], message: "date_out_of_range" })] });

  for (const date of ["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"]) {
    it(`refuses a todo due ${date}, on create and on edit`, async () => {
      const anna = ctx(db, crm.actors.normal);
      await expect(createTodo(anna, { cardId, text: "Far", type: "call", assigneeId: crm.actors.normal.id, date, time: "10:00" })).rejects.toEqual(outOfRange);
      const { todoId } = await createTodo(anna, { cardId, text: "Near", type: "call", assigneeId: crm.actors.normal.id, date: "2026-06-01", time: "10:00" });
      await expect(updateTodo(anna, { todoId, date })).rejects.toEqual(outOfRange);
    });
  }

  it("accepts the first and the last day of the range", async () => {
    const anna = ctx(db, crm.actors.normal);
    for (const date of ["2000-01-01", "2100-12-31"]) {
      await expect(createTodo(anna, { cardId, text: date, type: "call", assigneeId: crm.actors.normal.id, date, time: "10:00" })).resolves.toBeDefined();
    }
  });
});
