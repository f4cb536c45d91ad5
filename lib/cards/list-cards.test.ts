import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import { cardCountDeltas, cards, modules, statuses } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { completeTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm, seedTodoRow } from "@/test/crm-fixtures";
import { createCard } from "./create-card";
import { listCards, type ListCardsInput } from "./list-cards";
import { foldCountDeltas, statusCounts } from "./status-counts";
import { restoreCard, trashCard } from "./trash-card";
import { updateCard } from "./update-card";

const tz = "Europe/Budapest";
const now = new Date("2026-05-04T10:00:00Z"); // 12:00 in Budapest

describe("listCards and statusCounts", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  /** A fresh module per test, so each test sees only its own cards. */
  async function newModule(name: string) {
    const [module] = await db.insert(modules).values({ name }).returning();
    const [open, offer, won] = await db
      .insert(statuses)
      .values([
        { moduleId: module.id, name: "Open", position: 0 },
        { moduleId: module.id, name: "Offer", position: 1 },
        { moduleId: module.id, name: "Won", group: "won", position: 2 },
      ])
      .returning();
    return { id: module.id, open, offer, won };
  }
  const card = async (actor: Actor, moduleId: string, name: string, extra: Record<string, unknown> = {}, at = now) =>
    (await createCard(ctx(db, actor, at), { moduleId, name, ...extra })).cardId;
  const todo = (actor: Actor, cardId: string, date: string, time: string, assignee: Actor = actor, text = "Call") =>
    createTodo(ctx(db, actor), { cardId, text, type: "call", assigneeId: assignee.id, date, time });

  const list = (actor: Actor, input: Partial<ListCardsInput> & { moduleId: string }) =>
    listCards(db, actor, { sort: { by: "deadline" }, now, timeZone: tz, ...input });
  /** Every page, following the cursors; fails if a page repeats a card. */
  async function allPages(actor: Actor, input: Partial<ListCardsInput> & { moduleId: string }) {
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listCards>> = await list(actor, { ...input, after });
      names.push(...page.rows.map((r) => r.name));
      after = page.nextCursor;
      pages++;
    } while (after && pages < 50);
    return { names, pages };
  }

  it("sorts by next todo deadline (cards without open todos last), by name and by last activity", async () => {
    const m = await newModule("Sorting");
    const anna = crm.actors.normal;
    const c = {
      late: await card(anna, m.id, "bravo", {}, new Date("2026-05-01T08:00:00Z")),
      none: await card(anna, m.id, "Alpha", {}, new Date("2026-05-03T08:00:00Z")),
      soon: await card(anna, m.id, "charlie", {}, new Date("2026-05-02T08:00:00Z")),
    };
    await todo(anna, c.late, "2026-06-01", "09:00");
    await todo(anna, c.soon, "2026-05-05", "09:00");
    await todo(anna, c.soon, "2026-05-09", "09:00"); // a later second todo does not move the card

    expect((await list(anna, { moduleId: m.id, sort: { by: "deadline" } })).rows.map((r) => r.name)).toEqual(["charlie", "bravo", "Alpha"]);
    expect((await list(anna, { moduleId: m.id, sort: { by: "name" } })).rows.map((r) => r.name)).toEqual(["Alpha", "bravo", "charlie"]);
    // createTodo bumps last activity (to the ctx's now): touch "bravo" later to bring it to the top.
    await updateCard(ctx(db, anna, new Date("2026-05-06T08:00:00Z")), { cardId: c.late, version: 1, name: "bravo!" });
    const byActivity = (await list(anna, { moduleId: m.id, sort: { by: "activity" } })).rows;
    expect(byActivity[0].name).toBe("bravo!");
    expect(byActivity.map((r) => r.lastActivityAt.getTime())).toEqual([...byActivity.map((r) => r.lastActivityAt.getTime())].sort((a, b) => b - a));

    const [first] = (await list(anna, { moduleId: m.id })).rows;
    expect(first).toMatchObject({
      name: "charlie",
      status: { id: m.open.id, name: "Open" },
      owner: { id: anna.id, name: "Test normal" },
      nextTodo: { text: "Call", type: "call", deadline: new Date("2026-05-05T07:00:00Z"), assignee: { id: anna.id }, state: "later" },
    });
  });

  it("pages with keyset cursors through every card exactly once, in every sort and with a user filter", async () => {
    const m = await newModule("Paging");
    const anna = crm.actors.normal;
    const expected: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `Card ${String(i).padStart(2, "0")}`;
      const id = await card(anna, m.id, name, {}, new Date(Date.UTC(2026, 4, 1, 8, i % 5))); // ties in activity
      expected.push(name);
      // 15 dated cards (with deadline ties), 8 without todos.
      if (i < 15) await todo(anna, id, "2026-05-10", `0${i % 3}:00`, i % 2 ? crm.actors.manager : anna);
    }
    for (const sort of ["deadline", "name", "activity"] as const) {
      const { names, pages } = await allPages(anna, { moduleId: m.id, sort: { by: sort }, limit: 5 });
      expect(pages).toBe(5);
      expect([...names].sort()).toEqual(expected);
      expect(new Set(names).size).toBe(23);
    }
    // Deadline order: dated first (deadline, then id), undated after.
    const { names: byDeadline } = await allPages(anna, { moduleId: m.id, limit: 4 });
    expect(byDeadline.slice(15).sort()).toEqual(expected.slice(15));
    // The manager's todos (odd cards among the first 15): 7 cards, over 3 pages of 3, in every sort.
    for (const sort of ["deadline", "name", "activity"] as const) {
      const { names } = await allPages(anna, { moduleId: m.id, sort: { by: sort }, userId: crm.actors.manager.id, limit: 3 });
      expect([...names].sort()).toEqual(expected.filter((_, i) => i < 15 && i % 2 === 1));
    }
    // A search in more than 5 × cap cards counts each status only up to the cap, and says so; fewer are counted exactly.
    expect(await statusCounts(db, anna, { moduleId: m.id, q: "card", searchCap: 2 })).toEqual({ byStatus: { [m.open.id]: 2 }, total: 2, capped: [m.open.id] });
    expect(await statusCounts(db, anna, { moduleId: m.id, q: "card 1", searchCap: 3 })).toEqual({ byStatus: { [m.open.id]: 12 }, total: 12, capped: [] });
    await expect(list(anna, { moduleId: m.id, sort: { by: "name" }, after: "bogus" })).rejects.toMatchObject({ code: "invalid_input" });
    const deadlineCursor = (await list(anna, { moduleId: m.id, limit: 2 })).nextCursor!;
    await expect(list(anna, { moduleId: m.id, sort: { by: "name" }, after: deadlineCursor })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("filters by a user's open todos on anyone's card, showing that user's todo", async () => {
    const m = await newModule("User filter");
    const anna = crm.actors.normal;
    const bela = crm.actors.manager;
    const annas = await card(anna, m.id, "Anna's deal");
    await todo(anna, annas, "2026-05-04", "09:00", anna, "Anna calls"); // the card's next todo
    await todo(anna, annas, "2026-05-20", "15:00", bela, "Béla visits");
    const done = await card(anna, m.id, "Done deal");
    const { todoId } = await todo(anna, done, "2026-05-04", "09:00", bela);
    await completeTodo(ctx(db, bela), { todoId });
    await card(bela, m.id, "Béla's own card without todos");

    const everyone = await list(anna, { moduleId: m.id });
    expect(everyone.rows.find((r) => r.name === "Anna's deal")?.nextTodo).toMatchObject({ text: "Anna calls", state: "overdue" });

    const belas = await list(anna, { moduleId: m.id, userId: bela.id });
    expect(belas.rows.map((r) => r.name)).toEqual(["Anna's deal"]);
    expect(belas.rows[0]).toMatchObject({ owner: { id: anna.id }, nextTodo: { text: "Béla visits", assignee: { id: bela.id, name: "Test manager" } } });
    expect(await statusCounts(db, anna, { moduleId: m.id, userId: bela.id })).toEqual({ byStatus: { [m.open.id]: 1 }, total: 1, capped: [] });
    for (const sort of ["name", "activity"] as const) {
      expect((await list(anna, { moduleId: m.id, userId: bela.id, sort: { by: sort } })).rows.map((r) => r.nextTodo?.text)).toEqual(["Béla visits"]);
    }
    // A trashed card leaves the filtered list and its counts.
    const gone = await card(anna, m.id, "Trashed deal");
    await todo(anna, gone, "2026-05-05", "09:00", bela);
    expect((await statusCounts(db, anna, { moduleId: m.id, userId: bela.id })).total).toBe(2);
    await trashCard(ctx(db, anna), { cardId: gone });
    expect((await statusCounts(db, anna, { moduleId: m.id, userId: bela.id })).total).toBe(1);
    expect((await list(anna, { moduleId: m.id, userId: bela.id })).rows.map((r) => r.name)).toEqual(["Anna's deal"]);
  });

  it("filters by status, counts per status, and leaves trashed cards out of both", async () => {
    const m = await newModule("Statuses");
    const anna = crm.actors.normal;
    await card(anna, m.id, "o1");
    await card(anna, m.id, "o2");
    const moved = await card(anna, m.id, "offer1");
    await updateCard(ctx(db, anna), { cardId: moved, version: 1, statusId: m.offer.id });
    const trashed = await card(anna, m.id, "gone");
    await trashCard(ctx(db, anna), { cardId: trashed });

    expect((await list(anna, { moduleId: m.id, statusId: m.offer.id })).rows.map((r) => r.name)).toEqual(["offer1"]);
    expect((await list(anna, { moduleId: m.id, statusId: m.won.id })).rows).toEqual([]);
    expect(await statusCounts(db, anna, { moduleId: m.id })).toEqual({ byStatus: { [m.open.id]: 2, [m.offer.id]: 1 }, total: 3, capped: [] });
    expect((await list(anna, { moduleId: m.id, sort: { by: "name" } })).rows.map((r) => r.name)).toEqual(["o1", "o2", "offer1"]);
  });

  it("keeps the per-status counts through creates, moves, trash and restore, and folds them without losing a card", async () => {
    const m = await newModule("Counting");
    const anna = crm.actors.normal;
    const counted = async () => {
      const rows = await db
        .select({ statusId: cards.statusId, n: count() })
        .from(cards)
        .where(and(eq(cards.moduleId, m.id), isNull(cards.deletedAt)))
        .groupBy(cards.statusId);
      return Object.fromEntries(rows.map((r) => [r.statusId, r.n]));
    };
    const deltaRows = async () => (await db.select({ n: count() }).from(cardCountDeltas).where(eq(cardCountDeltas.moduleId, m.id)))[0].n;

    const ids: string[] = [];
    for (let i = 0; i < 130; i++) ids.push(await card(anna, m.id, `c${i}`));
    for (const id of ids.slice(0, 60)) await updateCard(ctx(db, anna), { cardId: id, version: 1, statusId: m.offer.id });
    for (const id of ids.slice(60, 70)) await trashCard(ctx(db, anna), { cardId: id });
    await restoreCard(ctx(db, crm.actors.admin), { cardId: ids[60] });
    // A save that names the status it already has moves nothing.
    await updateCard(ctx(db, anna), { cardId: ids[0], version: 2, statusId: m.offer.id });
    expect(await deltaRows()).toBeGreaterThan(200);

    const expected = { [m.open.id]: 61, [m.offer.id]: 60 };
    expect(await counted()).toEqual(expected);
    // Past 200 rows the reader folds them into one row per status, and the numbers stay the same.
    expect(await statusCounts(db, anna, { moduleId: m.id })).toEqual({ byStatus: expected, total: 121, capped: [] });
    expect(await deltaRows()).toBe(2);
    expect(await statusCounts(db, anna, { moduleId: m.id })).toEqual({ byStatus: expected, total: 121, capped: [] });

    // Folds racing each other (several connections on PostgreSQL) neither lose nor double a card.
    for (const id of ids.slice(70, 100)) await trashCard(ctx(db, anna), { cardId: id });
    await Promise.all([foldCountDeltas(db, m.id), foldCountDeltas(db, m.id), foldCountDeltas(db, m.id)]);
    expect(await deltaRows()).toBeLessThanOrEqual(2);
    expect((await statusCounts(db, anna, { moduleId: m.id })).byStatus).toEqual({ [m.open.id]: 31, [m.offer.id]: 60 });
    expect(await counted()).toEqual({ [m.open.id]: 31, [m.offer.id]: 60 });
  });

  it("searches names, linked contacts' names, emails and phones, literally, combined with the filters", async () => {
    const m = await newModule("Search");
    const anna = crm.actors.normal;
    await card(anna, m.id, "Website relaunch", {
      newContacts: [
        { kind: "company", name: "Duna Bt.", emails: ["info@duna.hu"] },
        { kind: "person", firstName: "Péter", lastName: "Nagy", emails: ["Peter.Nagy@Duna.hu"], phones: ["+36 30 123 4567"] },
      ],
    });
    await card(anna, m.id, "100% discount_deal");
    await card(anna, m.id, "Other");
    const names = async (q: string, extra: Partial<ListCardsInput> = {}) => (await list(anna, { moduleId: m.id, q, ...extra })).rows.map((r) => r.name);

    expect(await names("peter.nagy@duna")).toEqual(["Website relaunch"]);
    expect(await names("30 123 4567")).toEqual(["Website relaunch"]);
    expect(await names("nagy péter")).toEqual(["Website relaunch"]);
    expect(await names("DUNA")).toEqual(["Website relaunch"]);
    expect(await names("100%")).toEqual(["100% discount_deal"]);
    expect(await names("t_d")).toEqual(["100% discount_deal"]); // "_" is a letter here, not a wildcard
    expect(await names("%")).toEqual(["100% discount_deal"]);
    expect(await names("nobody")).toEqual([]);
    expect(await names("duna", { statusId: m.offer.id })).toEqual([]);
    expect(await statusCounts(db, anna, { moduleId: m.id, q: "duna" })).toEqual({ byStatus: { [m.open.id]: 1 }, total: 1, capped: [] });
    // The first linked contact stands for the card in the row.
    expect((await list(anna, { moduleId: m.id, q: "duna" })).rows[0].contact).toEqual({ name: "Duna Bt.", others: 1 });
  });

  it("does not repeat a contact named like the card (in any case) under its name", async () => {
    const m = await newModule("Named after");
    const anna = crm.actors.normal;
    await card(anna, m.id, "Tisza Kft.", { newContacts: [{ kind: "company", name: "TISZA KFT." }] });
    await card(anna, m.id, "Balaton Zrt.", {
      newContacts: [
        { kind: "company", name: "Balaton Zrt." },
        { kind: "person", firstName: "Éva", lastName: "Szabó" },
      ],
    });
    const contacts = Object.fromEntries((await list(anna, { moduleId: m.id })).rows.map((r) => [r.name, r.contact]));
    expect(contacts).toEqual({ "Tisza Kft.": null, "Balaton Zrt.": { name: "Szabó Éva", others: 0 } });
  });

  it("marks next todos overdue, later today or a later day at a fixed now, and on a DST day", async () => {
    const m = await newModule("Deadlines");
    const anna = crm.actors.normal;
    const states = async (at: Date) =>
      Object.fromEntries((await listCards(db, anna, { moduleId: m.id, sort: { by: "name" }, now: at, timeZone: tz })).rows.map((r) => [r.name, r.nextTodo?.state ?? null]));
    for (const [name, date, time] of [
      ["a-morning", "2026-05-04", "11:59"],
      ["b-noon", "2026-05-04", "12:00"],
      ["c-afternoon", "2026-05-04", "23:59"],
      ["d-tomorrow", "2026-05-05", "00:00"],
      ["e-spring", "2026-03-29", "01:30"],
      ["f-spring", "2026-03-29", "23:30"],
      ["g-spring", "2026-03-30", "00:30"],
    ]) {
      await todo(anna, await card(anna, m.id, name), date, time);
    }
    await card(anna, m.id, "h-none");
    // 12:00 in Budapest: a todo due at 12:00 is overdue that very minute.
    expect(await states(now)).toMatchObject({ "a-morning": "overdue", "b-noon": "overdue", "c-afternoon": "today", "d-tomorrow": "later", "h-none": null });
    // 2026-03-29 is 23 hours long in Budapest (02:00 → 03:00). At 03:30 local (01:30Z): 01:30 is past, 23:30 is today, 00:30 the next day is later.
    expect(await states(new Date("2026-03-29T01:30:00Z"))).toMatchObject({ "e-spring": "overdue", "f-spring": "today", "g-spring": "later" });
    // At 23:45 local (21:45Z) the day still holds 15 minutes; 00:30 is tomorrow.
    expect(await states(new Date("2026-03-29T21:45:00Z"))).toMatchObject({ "f-spring": "overdue", "g-spring": "later" });
  });

  describe("scoping", () => {
    let m: Awaited<ReturnType<typeof newModule>>;
    beforeAll(async () => {
      m = await newModule("Scope");
      const { normal, restricted, otherRestricted, groupRestrictedRo, admin } = crm.actors;
      // normal (HU), restricted (HU) and otherRestricted (RO) each own a card with "acme" in its contact; one is unowned.
      for (const [owner, name] of [
        [normal, "HU normal's"],
        [restricted, "HU restricted's"],
        [otherRestricted, "RO restricted's"],
      ] as const) {
        const id = await card(owner, m.id, name, { newContacts: [{ kind: "company", name: `Acme ${name}`, emails: [`x@acme-${owner.firstName}.hu`] }] });
        // Every card has an open todo for the Restricted HU user, whoever owns it (old data: createTodo now refuses
        // an assignee who cannot see the card, so it is written directly; the lists must hide it anyway).
        await seedTodoRow(db, { cardId: id, assigneeId: restricted.id, deadline: new Date("2026-05-05T08:00:00Z"), text: "Call" });
      }
      const unowned = await card(admin, m.id, "Nobody's", { ownerId: null });
      await todo(admin, unowned, "2026-05-05", "10:00", groupRestrictedRo);
      await card(admin, m.id, "Admin's");
    });
    const visible = async (actor: Actor, extra: Partial<ListCardsInput> = {}) =>
      (await listCards(db, actor, { moduleId: m.id, sort: { by: "name" }, now, timeZone: tz, ...extra })).rows.map((r) => r.name).sort();
    const total = async (actor: Actor, extra: { userId?: string; q?: string } = {}) => (await statusCounts(db, actor, { moduleId: m.id, ...extra })).total;

    it.each([
      ["restricted", ["HU restricted's", "Nobody's"]],
      ["otherRestricted", ["Nobody's", "RO restricted's"]],
      ["groupRestrictedRo", ["Nobody's", "RO restricted's"]],
      ["groupManagerHu", ["HU normal's", "HU restricted's"]],
      ["manager", ["Admin's", "HU normal's", "HU restricted's", "Nobody's", "RO restricted's"]],
    ] as const)("%s sees only their cards in lists, counts, searches and user filters", async (role, expected) => {
      const actor = crm.actors[role];
      expect(await visible(actor)).toEqual(expected);
      expect(await total(actor)).toBe(expected.length);
      for (const sort of ["deadline", "activity"] as const) expect(await visible(actor, { sort: { by: sort } })).toEqual(expected);

      // Searching for another user's contact finds nothing outside the scope.
      const acme = expected.filter((n) => n.endsWith("'s") && n !== "Nobody's" && n !== "Admin's");
      expect(await visible(actor, { q: "acme" })).toEqual(acme);
      expect(await total(actor, { q: "acme" })).toBe(acme.length);
      expect(await visible(actor, { q: "x@acme-other.hu" })).toEqual(acme.filter((n) => n === "RO restricted's"));

      // The Restricted HU user has a todo on three owners' cards: the user filter still keeps to the scope.
      const withTodos = expected.filter((n) => n !== "Nobody's" && n !== "Admin's");
      for (const sort of ["deadline", "name"] as const) {
        expect(await visible(actor, { userId: crm.actors.restricted.id, sort: { by: sort } })).toEqual(withTodos);
      }
      expect(await total(actor, { userId: crm.actors.restricted.id })).toBe(withTodos.length);
    });

    it("a Restricted user's own todo on a colleague's card does not reveal the card", async () => {
      const me = crm.actors.restricted;
      expect(await visible(me, { userId: me.id })).toEqual(["HU restricted's"]);
      // …although the todos are there (the manager sees all three).
      expect(await visible(crm.actors.manager, { userId: me.id })).toEqual(["HU normal's", "HU restricted's", "RO restricted's"]);
    });
  });
});
