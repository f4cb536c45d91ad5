import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { automationEvents, automations, automationSteps, cardAssignees, cards, history, todos, users } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { refreshCardTodos } from "@/lib/todos/refresh-card-todos";
import { ctx, seedCrm, seedTodoRow } from "@/test/crm-fixtures";
import { deactivateUser } from "./deactivate-user";
import { listHandOverCounts } from "./list-hand-over-counts";

const now = new Date("2026-05-04T10:00:00Z");
const deadline = new Date("2026-05-10T08:00:00Z");

async function seed() {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  const card = async (name: string, ownerId: string | null, statusId = crm.statuses.lead.id, deletedAt: Date | null = null) =>
    (await db.insert(cards).values({ moduleId: crm.module.id, statusId, ownerId, name, deletedAt }).returning())[0];
  const automation = async (name: string) =>
    (await db.insert(automations).values({ moduleId: crm.module.id, name, trigger: "status", statusId: crm.statuses.lead.id, state: "off" }).returning())[0];
  return { db, crm, card, automation };
}

const historyOf = (db: Db, cardIds: string[]) =>
  db.select({ cardId: history.cardId, kind: history.kind, actorId: history.actorId, at: history.at, data: history.data }).from(history).where(inArray(history.cardId, cardIds)).orderBy(asc(history.id));

describe("deactivating a user hands their work over to a colleague", () => {
  it("moves open cards, open todos and automation steps in one go, with history and automation events", async () => {
    const { db, crm, card, automation } = await seed();
    const { admin, normal, manager, groupManagerHu } = crm.actors;
    const open = await card("Open deal", normal.id);
    const offer = await card("Offer deal", normal.id, crm.statuses.offer.id);
    const won = await card("Won deal", normal.id, crm.statuses.won.id);
    const trashed = await card("Trashed deal", normal.id, crm.statuses.lead.id, now);
    const others = await card("Admin's deal", admin.id);
    const onOpen = await seedTodoRow(db, { cardId: open.id, assigneeId: normal.id, deadline, text: "Call back" });
    const onWon = await seedTodoRow(db, { cardId: won.id, assigneeId: normal.id, deadline, text: "Invoice" });
    const onOthers = await seedTodoRow(db, { cardId: others.id, assigneeId: normal.id, deadline, text: "Help out" });
    // The Hungarian group manager sees the card only while a Hungarian member owns it.
    const gmTodo = await seedTodoRow(db, { cardId: open.id, assigneeId: groupManagerHu.id, deadline: new Date("2026-05-09T08:00:00Z"), text: "Review" });
    const done = await seedTodoRow(db, { cardId: offer.id, assigneeId: normal.id, deadline, text: "Done already" });
    await db.update(todos).set({ completedAt: now }).where(eq(todos.id, done));
    await refreshCardTodos(db, offer.id);

    const followUp = await automation("Follow-up");
    const untouched = await automation("Untouched");
    const [senderStep, userStep, ownerStep] = await db
      .insert(automationSteps)
      .values([
        { automationId: followUp.id, position: 1, kind: "email_contact", recipient: "main_person", sender: "user", senderUserId: normal.id },
        { automationId: followUp.id, position: 2, kind: "todo_user", recipient: "user", userId: normal.id, todoText: "Call" },
        { automationId: untouched.id, position: 1, kind: "email_contact", recipient: "main_person", sender: "card_owner" },
      ])
      .returning();

    const adminCtx = ctx(db, admin, now);
    expect((await listHandOverCounts(adminCtx))[normal.id]).toEqual({ cards: 2, todos: 3, automations: 1 });

    const result = await deactivateUser(adminCtx, { userId: normal.id, handOverToId: manager.id });
    expect(result).toMatchObject({ userId: normal.id, changed: true });
    expect(result.handOver?.cards.map((c) => c.id).sort()).toEqual([open.id, offer.id].sort());

    const owners = await db.select({ id: cards.id, ownerId: cards.ownerId, version: cards.version }).from(cards);
    const ownerOf = (id: string) => owners.find((c) => c.id === id);
    expect(ownerOf(open.id)).toEqual({ id: open.id, ownerId: manager.id, version: 2 });
    expect(ownerOf(offer.id)).toEqual({ id: offer.id, ownerId: manager.id, version: 2 });
    expect(ownerOf(won.id)).toMatchObject({ ownerId: normal.id, version: 1 }); // not open: stays
    expect(ownerOf(trashed.id)).toMatchObject({ ownerId: normal.id, version: 1 });

    const assignees = await db.select({ id: todos.id, assigneeId: todos.assigneeId }).from(todos);
    const assigneeOf = (id: string) => assignees.find((t) => t.id === id)?.assigneeId;
    expect([onOpen, onWon, onOthers, gmTodo].map(assigneeOf)).toEqual([manager.id, manager.id, manager.id, manager.id]);
    expect(assigneeOf(done)).toBe(normal.id); // completed todos keep their history

    // My todos' index follows: nothing left for the deactivated user, the manager's next todos per card.
    const rows = await db.select().from(cardAssignees).orderBy(asc(cardAssignees.cardId));
    expect(rows.filter((r) => r.assigneeId === normal.id || r.assigneeId === groupManagerHu.id)).toEqual([]);
    const mine = rows.filter((r) => r.assigneeId === manager.id);
    expect(mine.map((r) => [r.cardId, r.openTodos]).sort()).toEqual([[open.id, 2], [won.id, 1], [others.id, 1]].sort());
    expect(mine.find((r) => r.cardId === open.id)).toMatchObject({ nextTodoId: gmTodo, statusId: crm.statuses.lead.id });

    const entries = await historyOf(db, [open.id, offer.id, won.id, others.id, trashed.id]);
    expect(entries.every((e) => e.actorId === admin.id && e.at.getTime() === now.getTime())).toBe(true);
    expect(entries.map((e) => [e.cardId, e.kind, e.data])).toEqual(
      expect.arrayContaining([
        [open.id, "owner_changed", { old: normal.id, new: manager.id, handover: true, version: 2 }],
        [offer.id, "owner_changed", { old: normal.id, new: manager.id, handover: true, version: 2 }],
        [open.id, "todo_reassigned", { todoId: onOpen, text: "Call back", old: normal.id, new: manager.id, reason: "handover", version: 2 }],
        [won.id, "todo_reassigned", { todoId: onWon, text: "Invoice", old: normal.id, new: manager.id, reason: "handover" }],
        [others.id, "todo_reassigned", { todoId: onOthers, text: "Help out", old: normal.id, new: manager.id, reason: "handover" }],
        [open.id, "todo_reassigned", { todoId: gmTodo, text: "Review", old: groupManagerHu.id, new: manager.id, reason: "owner_changed", version: 2 }],
      ]),
    );
    expect(entries).toHaveLength(6);

    const steps = await db.select().from(automationSteps);
    expect(steps.find((s) => s.id === senderStep.id)).toMatchObject({ sender: "user", senderUserId: manager.id });
    expect(steps.find((s) => s.id === userStep.id)).toMatchObject({ recipient: "user", userId: manager.id });
    expect(steps.find((s) => s.id === ownerStep.id)).toMatchObject({ sender: "card_owner", senderUserId: null });
    const events = await db.select().from(automationEvents);
    expect(events).toEqual([
      expect.objectContaining({
        automationId: followUp.id,
        actorId: admin.id,
        at: now,
        kind: "sender_handed_over",
        data: { fromUserId: normal.id, toUserId: manager.id, senderSteps: 1, userSteps: 1 },
      }),
    ]);
    const versions = await db.select({ id: automations.id, version: automations.version }).from(automations);
    expect(versions.find((a) => a.id === followUp.id)?.version).toBe(2);
    expect(versions.find((a) => a.id === untouched.id)?.version).toBe(1);

    // Nothing left to hand over; twice is harmless.
    expect((await listHandOverCounts(adminCtx))[normal.id]).toBeUndefined(); // the won card is not open
    expect(await deactivateUser(adminCtx, { userId: normal.id, handOverToId: manager.id })).toEqual({ userId: normal.id, changed: false, handOver: null });
  });

  it("gives a colleague only what they may see: other todos go to their card's owner, or to the admin", async () => {
    const { db, crm, card } = await seed();
    const { admin, normal, restricted, otherRestricted } = crm.actors;
    const [gone] = await db.insert(users).values({ email: "gone@test.hu", role: "normal", deactivatedAt: now }).returning();
    const own = await card("Normal's deal", normal.id);
    const unowned = await card("Nobody's deal", null);
    const others = await card("Other's deal", otherRestricted.id);
    const orphan = await card("Gone's deal", gone.id);
    const ids = {
      own: await seedTodoRow(db, { cardId: own.id, assigneeId: normal.id, deadline, text: "Own" }),
      unowned: await seedTodoRow(db, { cardId: unowned.id, assigneeId: normal.id, deadline, text: "Unowned" }),
      others: await seedTodoRow(db, { cardId: others.id, assigneeId: normal.id, deadline, text: "Others" }),
      orphan: await seedTodoRow(db, { cardId: orphan.id, assigneeId: normal.id, deadline, text: "Orphan" }),
    };
    await deactivateUser(ctx(db, admin, now), { userId: normal.id, handOverToId: restricted.id });
    const assignees = Object.fromEntries((await db.select({ id: todos.id, assigneeId: todos.assigneeId }).from(todos)).map((t) => [t.id, t.assigneeId]));
    expect(assignees[ids.own]).toBe(restricted.id); // the card is theirs now
    expect(assignees[ids.unowned]).toBe(restricted.id); // Restricted users see unowned cards
    expect(assignees[ids.others]).toBe(otherRestricted.id); // its owner sees it
    expect(assignees[ids.orphan]).toBe(admin.id); // its owner is gone too: the admin who deactivated
    const [entry] = await db
      .select({ data: history.data })
      .from(history)
      .where(and(eq(history.cardId, others.id), eq(history.kind, "todo_reassigned")));
    expect(entry.data).toMatchObject({ old: normal.id, new: otherRestricted.id, reason: "handover" });
  });

  it("refuses the user themselves or an inactive colleague, and changes nothing", async () => {
    const { db, crm, card } = await seed();
    const { admin, normal } = crm.actors;
    const [gone] = await db.insert(users).values({ email: "gone@test.hu", role: "normal", deactivatedAt: now }).returning();
    await card("Normal's deal", normal.id);
    const state = async () => ({ users: await db.select().from(users).orderBy(users.id), cards: await db.select().from(cards).orderBy(cards.id), history: await db.select().from(history) });
    const before = await state();
    const c = ctx(db, admin, now);
    await expect(deactivateUser(c, { userId: normal.id, handOverToId: normal.id })).rejects.toMatchObject({ code: "handover_to_self", fields: { handOverToId: "handover_to_self" } });
    await expect(deactivateUser(c, { userId: normal.id, handOverToId: gone.id })).rejects.toMatchObject({ code: "inactive_user", fields: { handOverToId: "inactive_user" } });
    await expect(deactivateUser(c, { userId: normal.id, handOverToId: crypto.randomUUID() })).rejects.toMatchObject({ code: "inactive_user" });
    await expect(deactivateUser(c, { userId: normal.id, handOverToId: "nope" })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
    await expect(deactivateUser(ctx(db, crm.actors.manager, now), { userId: normal.id, handOverToId: admin.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listHandOverCounts(ctx(db, crm.actors.manager, now))).rejects.toMatchObject({ code: "forbidden" });
    expect(await state()).toEqual(before);
  });

  it("without a colleague (none chosen, or an empty form field), nothing moves", async () => {
    const { db, crm, card } = await seed();
    const { admin, normal, manager } = crm.actors;
    const deal = await card("Normal's deal", normal.id);
    await deactivateUser(ctx(db, admin, now), { userId: normal.id, handOverToId: "" });
    const [row] = await db.select({ ownerId: cards.ownerId }).from(cards).where(eq(cards.id, deal.id));
    expect(row.ownerId).toBe(normal.id);
    expect(await db.select().from(history)).toEqual([]);
    await deactivateUser(ctx(db, admin, now), { userId: manager.id });
    expect(await db.select().from(history)).toEqual([]);
  });

  it("hands over a large book of cards and todos within one transaction", async () => {
    const { db, crm } = await seed();
    const { admin, normal, manager } = crm.actors;
    const n = 1_200; // more than one statement's worth of rows
    const made = await db
      .insert(cards)
      .values(Array.from({ length: n }, (_, i) => ({ moduleId: crm.module.id, statusId: crm.statuses.lead.id, ownerId: normal.id, name: `Deal ${i}` })))
      .returning({ id: cards.id });
    await db.insert(todos).values(made.map((c) => ({ cardId: c.id, moduleId: crm.module.id, assigneeId: normal.id, deadline, text: "Call" })));
    const result = await deactivateUser(ctx(db, admin, now), { userId: normal.id, handOverToId: manager.id });
    expect(result.handOver?.cards).toHaveLength(n);
    expect(result.handOver?.todos).toHaveLength(n);
    const left = await db.select({ id: todos.id }).from(todos).where(eq(todos.assigneeId, normal.id));
    expect(left).toEqual([]);
    const rows = await db.select({ cardId: cardAssignees.cardId }).from(cardAssignees).where(eq(cardAssignees.assigneeId, manager.id));
    expect(rows).toHaveLength(n);
    expect(await db.select({ id: history.id }).from(history)).toHaveLength(2 * n);
  }, 60_000);
});
