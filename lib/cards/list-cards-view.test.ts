import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { cards, fields, modules, statuses, type FieldType, type FieldValue } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { getModuleConfigOrThrow, type FieldConfig } from "@/lib/modules/get-module-config";
import { createTodo } from "@/lib/todos/create-todo";
import { compileViewFilter } from "@/lib/views/compile-view";
import type { ViewGroup } from "@/lib/views/definition";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { encodeCardCursor, sortKey, type CardSort } from "./card-list-cursor";
import { listCards, type ListCardsInput, type ListView } from "./list-cards";
import { statusCounts } from "./status-counts";
import { viewTotals } from "./view-totals";

const tz = "Europe/Budapest";
const now = new Date("2026-05-04T10:00:00Z");

type Seed = { id: string; name: string; values: Record<string, FieldValue>; statusId: string; ownerId: string | null; createdAt: Date };

describe("listCards, statusCounts and viewTotals with a view", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let moduleId: string;
  let st: { open: string; offer: string; won: string };
  let f: Record<"city" | "score" | "budget" | "close" | "hot" | "mail" | "kind", FieldConfig>;
  let columns: FieldConfig[];
  const seeds: Seed[] = [];

  beforeAll(async () => {
    crm = await seedCrm(db);
    const [m] = await db.insert(modules).values({ name: "Views" }).returning();
    moduleId = m.id;
    const [open, offer, won] = await db
      .insert(statuses)
      .values([
        { moduleId, name: "Open", position: 0 },
        { moduleId, name: "Offer", position: 1 },
        { moduleId, name: "Won", group: "won", position: 2 },
      ])
      .returning();
    st = { open: open.id, offer: offer.id, won: won.id };
    const defs: [keyof typeof f, FieldType, object?][] = [
      ["city", "text"],
      ["score", "number"],
      ["budget", "money", { options: { currency: "HUF" } }],
      ["close", "date"],
      ["hot", "checkbox"],
      ["mail", "email"],
      ["kind", "select", { options: { choices: [{ id: "a", label: "A" }] } }],
    ];
    for (const [i, [key, type, extra]] of defs.entries()) await db.insert(fields).values({ moduleId, name: key, type, position: i, ...extra });
    const config = await getModuleConfigOrThrow(db, moduleId);
    f = Object.fromEntries(config.fields.map((field) => [field.name, field])) as typeof f;
    columns = [f.city, f.budget, f.score];

    // 15 cards: ties, empty values (missing, null, "") and money in two currencies. ASCII names, so the order is the same under any collation.
    const city = ["Budapest", "budapest", "Szeged", "", undefined, "debrecen", "Pecs", null, "szeged", "Gyor", undefined, "Eger", "eger", "Vac", ""];
    const score = [5, 5, -2, 10.5, null, undefined, 0, 100, 3, 5, "x", -2, 7, undefined, 1];
    const budget = [[100_000, "HUF"], [3_400, "EUR"], [100_000, "HUF"], undefined, [2_500_000, "HUF"], [500, "EUR"], null, [9_900_000, "HUF"], [0, "HUF"], [100_000, "HUF"], undefined, [1_000, "EUR"], [250, "HUF"], [75_000, "HUF"], undefined] as const;
    const close = ["2026-06-01", "2026-01-15", undefined, "2026-06-01", "2025-12-31", null, "2027-03-03", undefined, "2026-01-15", "2026-02-28", "2026-08-08", undefined, "2026-06-01", "2026-04-04", "2025-01-01"];
    const hot = [true, false, undefined, true, false, true, undefined, true, false, false, true, undefined, true, false, true];
    const owners = [crm.actors.normal, crm.actors.restricted, null, crm.actors.manager, crm.actors.restricted, null, crm.actors.normal, crm.actors.otherRestricted];
    const statusOf = [st.open, st.offer, st.open, st.won, st.offer];
    for (let i = 0; i < 15; i++) {
      const values: Record<string, FieldValue> = {};
      const put = (field: FieldConfig, v: unknown) => {
        if (v !== undefined) values[field.id] = v as FieldValue;
      };
      put(f.city, city[i]);
      put(f.score, score[i]);
      put(f.budget, budget[i] === null || budget[i] === undefined ? budget[i] : { amount: budget[i]![0], currency: budget[i]![1] });
      put(f.close, close[i]);
      put(f.hot, hot[i]);
      put(f.mail, i % 4 === 0 ? `P${i}@Example.hu` : undefined);
      const seed = {
        name: `card${String.fromCharCode(97 + i)}`,
        values,
        statusId: statusOf[i % statusOf.length],
        ownerId: owners[i % owners.length]?.id ?? null,
        createdAt: new Date(Date.UTC(2026, 3, 1 + (i % 6), 8)), // ties in created
      };
      const [row] = await db
        .insert(cards)
        .values({ moduleId, ...seed, searchText: `${seed.name} ${i % 3 === 0 ? "acme" : ""}` })
        .returning({ id: cards.id });
      seeds.push({ id: row.id, ...seed });
    }
  });

  const viewOf = (filter: ViewGroup | ReturnType<typeof sql>, sort: CardSort = { by: "deadline" }, cols = columns): ListView => ({
    filter: "on" in filter ? compileViewFilter(filter, { fields: new Map(Object.values(f).map((x) => [x.id, x])), viewerId: crm.actors.normal.id, now, timeZone: tz }) : filter,
    sort,
    columns: cols,
  });
  const everything = (): ViewGroup => ({ on: "group", join: "and", conditions: [] });
  const list = (actor: Actor, input: Partial<ListCardsInput>) => listCards(db, actor, { moduleId, now, timeZone: tz, ...input });
  async function allPages(actor: Actor, input: Partial<ListCardsInput>) {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listCards>> = await list(actor, { ...input, after });
      ids.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      pages++;
    } while (after && pages < 100);
    return ids;
  }

  /** The order a sort must give: cards with a key by (key, id) in its direction, then those without by id in it. */
  function expected(keyOf: (s: Seed) => string | number | boolean | null, direction: "asc" | "desc", subset = seeds) {
    const sign = direction === "asc" ? 1 : -1;
    const cmp = (a: string | number | boolean, b: string | number | boolean) => (a < b ? -1 : a > b ? 1 : 0);
    const keyed = subset.filter((s) => keyOf(s) !== null);
    const keyless = subset.filter((s) => keyOf(s) === null);
    return [
      ...keyed.sort((a, b) => sign * (cmp(keyOf(a)!, keyOf(b)!) || cmp(a.id, b.id))),
      ...keyless.sort((a, b) => sign * cmp(a.id, b.id)),
    ].map((s) => s.id);
  }
  const raw = (s: Seed, field: FieldConfig) => s.values[field.id];
  const keys: Record<string, { sort: (d: "asc" | "desc") => CardSort; key: (s: Seed) => string | number | boolean | null; nullable: boolean }> = {
    text: { sort: (direction) => ({ by: "field", fieldId: f.city.id, direction }), key: (s) => (typeof raw(s, f.city) === "string" && raw(s, f.city) ? String(raw(s, f.city)).toLowerCase() : null), nullable: true },
    email: { sort: (direction) => ({ by: "field", fieldId: f.mail.id, direction }), key: (s) => (raw(s, f.mail) ? String(raw(s, f.mail)).toLowerCase() : null), nullable: true },
    number: { sort: (direction) => ({ by: "field", fieldId: f.score.id, direction }), key: (s) => (typeof raw(s, f.score) === "number" ? (raw(s, f.score) as number) : null), nullable: true },
    money: {
      sort: (direction) => ({ by: "field", fieldId: f.budget.id, direction }),
      key: (s) => (raw(s, f.budget) ? (raw(s, f.budget) as { amount: number }).amount : null),
      nullable: true,
    },
    date: { sort: (direction) => ({ by: "field", fieldId: f.close.id, direction }), key: (s) => (raw(s, f.close) ? String(raw(s, f.close)) : null), nullable: true },
    checkbox: { sort: (direction) => ({ by: "field", fieldId: f.hot.id, direction }), key: (s) => raw(s, f.hot) === true, nullable: false },
  };

  it.each(["text", "email", "number", "money", "date", "checkbox"])("sorts by a %s field both ways, empty values last, and pages through every card once", async (type) => {
    const k = keys[type];
    for (const direction of ["asc", "desc"] as const) {
      const want = expected(k.key, direction);
      const view = viewOf(everything(), k.sort(direction));
      // The view's default sort applies without a sort of the URL's own…
      expect((await list(crm.actors.admin, { view, limit: 200 })).rows.map((r) => r.id)).toEqual(want);
      for (const limit of [1, 2, 4]) expect(await allPages(crm.actors.admin, { view, limit })).toEqual(want);
      // …and the URL's overrides it (here: the same field sort, without a view).
      expect(await allPages(crm.actors.admin, { sort: k.sort(direction), limit: 3 })).toEqual(want);
      if (k.nullable) {
        const empties = seeds.filter((s) => k.key(s) === null).length;
        expect(empties).toBeGreaterThan(0);
        expect(new Set(want.slice(-empties))).toEqual(new Set(seeds.filter((s) => k.key(s) === null).map((s) => s.id)));
      }
    }
  });

  it("sorts by created (newest first), by name, and pages through every card once", async () => {
    const byCreated = [...seeds].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((s) => s.id);
    for (const limit of [1, 4, 200]) expect(await allPages(crm.actors.admin, { sort: { by: "created" }, limit })).toEqual(byCreated);
    const view = viewOf(everything(), { by: "name" });
    expect(await allPages(crm.actors.admin, { view, limit: 4 })).toEqual([...seeds].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => s.id));
  });

  it("filters by the view, AND-ed with the status, the search, the user filter and the scope", async () => {
    // Status Open or Offer, and (hand-written until the compiler has field conditions) a budget over 50,000.
    const statusPart = compileViewFilter(
      { on: "group", join: "and", conditions: [{ on: "status", op: "any_of", statusIds: [st.open, st.offer] }] },
      { fields: new Map(), viewerId: crm.actors.normal.id, now, timeZone: tz },
    );
    const rich = sql`(${statusPart} and (${cards.values} -> ${f.budget.id}::text ->> 'amount')::numeric > 50000)`;
    const matches = (s: Seed) => [st.open, st.offer].includes(s.statusId) && ((raw(s, f.budget) as { amount: number } | undefined)?.amount ?? 0) > 50_000;
    const view = viewOf(rich, { by: "field", fieldId: f.budget.id, direction: "desc" });
    const want = expected(keys.money.key, "desc", seeds.filter(matches));
    expect(want.length).toBeGreaterThan(2);
    expect(await allPages(crm.actors.admin, { view, limit: 2 })).toEqual(want);

    expect(await allPages(crm.actors.admin, { view, statusId: st.offer })).toEqual(want.filter((id) => seeds.find((s) => s.id === id)!.statusId === st.offer));
    expect(await allPages(crm.actors.admin, { view, q: "acme" })).toEqual(want.filter((id) => /acme/.test(`${seeds.findIndex((s) => s.id === id) % 3 === 0 ? "acme" : ""}`)));
    expect(await allPages(crm.actors.admin, { view, statusId: st.won })).toEqual([]);

    // The user filter: a todo for the manager on two cards, one of them in the view.
    const inView = want[0];
    const outside = seeds.find((s) => !matches(s))!.id;
    for (const cardId of [inView, outside]) {
      await createTodo(ctx(db, crm.actors.admin), { cardId, text: "Call", type: "call", assigneeId: crm.actors.manager.id, date: "2026-05-10", time: "09:00" });
    }
    for (const sort of [{ by: "deadline" }, { by: "name" }, { by: "field", fieldId: f.city.id, direction: "asc" }] as CardSort[]) {
      expect(await allPages(crm.actors.admin, { view, userId: crm.actors.manager.id, sort })).toEqual([inView]);
    }
    expect(await statusCounts(db, crm.actors.admin, { moduleId, view, userId: crm.actors.manager.id })).toMatchObject({ total: 1 });
  });

  it("counts per status exactly the cards the view lists, for every role and with a search", async () => {
    const filter: ViewGroup = {
      on: "group",
      join: "or",
      conditions: [
        { on: "status", op: "none_of", statusIds: [st.offer] },
        { on: "owner", op: "me" },
      ],
    };
    const view = viewOf(filter, { by: "name" });
    for (const actor of [crm.actors.admin, crm.actors.normal, crm.actors.restricted, crm.actors.groupManagerHu]) {
      for (const q of [null, "acme"]) {
        const listed = await allPages(actor, { view, q, limit: 5 });
        const perStatus: Record<string, number> = {};
        for (const id of listed) {
          const statusId = seeds.find((s) => s.id === id)!.statusId;
          perStatus[statusId] = (perStatus[statusId] ?? 0) + 1;
        }
        expect(await statusCounts(db, actor, { moduleId, view, q })).toEqual({ byStatus: perStatus, total: listed.length, capped: [] });
      }
    }
    // Without the view the admin's counts come from the kept counters and are bigger.
    expect((await statusCounts(db, crm.actors.admin, { moduleId })).total).toBeGreaterThan((await statusCounts(db, crm.actors.admin, { moduleId, view })).total);
  });

  it("a Restricted user's shared view shows only their own and unowned cards", async () => {
    const view = viewOf({ on: "group", join: "and", conditions: [{ on: "status", op: "any_of", statusIds: [st.open, st.offer, st.won] }] }, { by: "created" });
    const me = crm.actors.restricted;
    const mine = seeds.filter((s) => s.ownerId === me.id || s.ownerId === null).map((s) => s.id);
    expect((await allPages(me, { view, limit: 3 })).sort()).toEqual([...mine].sort());
    expect((await statusCounts(db, me, { moduleId, view })).total).toBe(mine.length);
    // Even a view naming other owners outright cannot widen it.
    const others = viewOf({ on: "group", join: "and", conditions: [{ on: "owner", op: "is", userIds: [crm.actors.normal.id, crm.actors.manager.id] }] });
    expect(await allPages(me, { view: others })).toEqual([]);
    expect(await viewTotals(db, me, { moduleId, view: others })).toEqual({});
  });

  it("rows carry the values of the view's columns only", async () => {
    const view = viewOf(everything(), { by: "name" }, [f.budget, f.hot]);
    const [first] = (await list(crm.actors.admin, { view, limit: 1 })).rows;
    const seed = seeds.find((s) => s.id === first.id)!;
    expect(first.values).toEqual({ [f.budget.id]: seed.values[f.budget.id] ?? null, [f.hot.id]: seed.values[f.hot.id] ?? null });
    expect((await list(crm.actors.admin, { limit: 1 })).rows[0].values).toEqual({});
  });

  it("sums each money column per currency over every card of the list, not just the page", async () => {
    const second = { ...f.budget, id: f.score.id }; // not money: ignored
    const view = viewOf(everything(), { by: "name" }, [f.city, f.budget, second]);
    const sums = (subset: Seed[]) => {
      const out: Record<string, number> = {};
      for (const s of subset) {
        const v = raw(s, f.budget) as { amount: number; currency: string } | undefined | null;
        if (v) out[v.currency] = (out[v.currency] ?? 0) + v.amount;
      }
      return Object.entries(out)
        .sort((a, b) => b[1] - a[1])
        .map(([currency, amount]) => ({ currency, amount }));
    };
    expect(await viewTotals(db, crm.actors.admin, { moduleId, view })).toEqual({ [f.budget.id]: sums(seeds) });
    expect(await viewTotals(db, crm.actors.admin, { moduleId, view, statusId: st.offer })).toEqual({ [f.budget.id]: sums(seeds.filter((s) => s.statusId === st.offer)) });
    const me = crm.actors.restricted;
    expect(await viewTotals(db, me, { moduleId, view, q: "acme" })).toEqual({
      [f.budget.id]: sums(seeds.filter((s, i) => (s.ownerId === me.id || s.ownerId === null) && i % 3 === 0)),
    });
    // Without a money column: nothing to sum, no query.
    expect(await viewTotals(db, crm.actors.admin, { moduleId, view: viewOf(everything(), { by: "name" }, [f.city]) })).toEqual({});
  });

  it("refuses a tampered cursor, a cursor of another sort, and a sort on an unsortable or foreign field", async () => {
    const asc: CardSort = { by: "field", fieldId: f.score.id, direction: "asc" };
    const { nextCursor } = await list(crm.actors.admin, { sort: asc, limit: 2 });
    expect(nextCursor).toBeTruthy();
    const refused = { code: "invalid_input" };
    await expect(list(crm.actors.admin, { sort: { ...asc, direction: "desc" }, after: nextCursor })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: { ...asc, fieldId: f.city.id }, after: nextCursor })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: { by: "name" }, after: nextCursor })).rejects.toMatchObject(refused);
    const forged = (key: string | null, s: CardSort = asc) => encodeCardCursor({ sort: sortKey(s), key, id: seeds[0].id });
    await expect(list(crm.actors.admin, { sort: asc, after: forged("1; drop table cards") })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: { by: "created" }, after: forged("yesterday", { by: "created" }) })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: { by: "name" }, after: forged(null, { by: "name" }) })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: asc, after: "bogus" })).rejects.toMatchObject(refused);
    // A well-formed key that is just not the last row's still pages correctly (it is only a position).
    const past = (await list(crm.actors.admin, { sort: asc, after: forged("4.5"), limit: 200 })).rows.map((r) => r.id);
    expect(past).toEqual(expected(keys.number.key, "asc").filter((id) => ((k) => k === null || Number(k) > 4.5)(keys.number.key(seeds.find((s) => s.id === id)!))));

    await expect(list(crm.actors.admin, { sort: { by: "field", fieldId: f.kind.id, direction: "asc" } })).rejects.toMatchObject(refused);
    await expect(list(crm.actors.admin, { sort: { by: "field", fieldId: crm.fields.budget.id, direction: "asc" } })).rejects.toMatchObject(refused);
  });
});
