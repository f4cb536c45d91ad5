import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cards, currencyRates, groups, reportEvents, todos } from "@/db/schema";
import { queryRows } from "@/db/rows";
import { createCard } from "@/lib/cards/create-card";
import { updateCard } from "@/lib/cards/update-card";
import { setGroupCalendar } from "@/lib/groups/set-group-calendar";
import { completeTodo, reopenTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { buildReport } from "./build-report";
import { removeRate, setRate, setRateSchema } from "./currency-rates";
import { drillDown } from "./drill-down";
import { reportCsv } from "./report-csv";
import { reportInputSchema } from "./report-input";

/**
 * A small fixture with a hand count. Budapest is UTC+1 in winter and UTC+2 in summer (DST from
 * 2026-03-29 02:00 to 2026-10-25 03:00); Bucharest is one hour ahead of it.
 */
describe("period reports", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  const at = (iso: string) => new Date(iso);
  const input = (raw: Record<string, unknown>) => reportInputSchema.parse(raw);
  const october = { period: "custom", from: "2026-10-01", to: "2026-10-31" };
  const november = { period: "custom", from: "2026-11-01", to: "2026-11-30" };

  async function move(cardId: string, statusId: string, when: string, actor = crm.actors.normal) {
    const [card] = await db.select({ version: cards.version }).from(cards).where(eq(cards.id, cardId));
    await updateCard(ctx(db, actor, at(when)), {
      cardId,
      version: card.version,
      statusId,
    });
  }

  beforeAll(async () => {
    crm = await seedCrm(db);
    const { normal, groupRestrictedRo } = crm.actors;
    const budget = crm.fields.budget.id;
    // Hungary's salesperson: a deal created in October, won at 23:30 local on October 31 (22:30 UTC).
    const deal = await createCard(ctx(db, normal, at("2026-10-05T08:00:00Z")), {
      moduleId: crm.module.id,
      name: "Duna deal",
      values: { [budget]: { amount: 1000, currency: "EUR" } },
    });
    await move(deal.cardId, crm.statuses.offer.id, "2026-10-06T08:00:00Z");
    await move(deal.cardId, crm.statuses.won.id, "2026-10-31T22:30:00Z");
    // One more, lost on November 1 at 00:30 local (October 31, 23:30 UTC): November's.
    const lost = await createCard(ctx(db, normal, at("2026-10-10T08:00:00Z")), {
      moduleId: crm.module.id,
      name: "Tisza deal",
      values: { [budget]: { amount: 200000, currency: "HUF" } },
    });
    await move(lost.cardId, crm.statuses.lost.id, "2026-10-31T23:30:00Z");
    // Todos: one on time, one late, one completed and reopened (not done), one still open and overdue at October's end.
    const todo = (text: string, date: string) =>
      createTodo(ctx(db, normal, at("2026-10-05T08:00:00Z")), {
        cardId: deal.cardId,
        text,
        assigneeId: normal.id,
        date,
        time: "10:00",
      });
    const onTime = await todo("Call", "2026-10-20");
    const late = await todo("Send offer", "2026-10-07");
    const reopened = await todo("Visit", "2026-10-25");
    await todo("Follow up", "2026-10-30");
    await completeTodo(ctx(db, normal, at("2026-10-19T09:00:00Z")), {
      todoId: onTime.todoId,
    });
    await completeTodo(ctx(db, normal, at("2026-10-09T09:00:00Z")), {
      todoId: late.todoId,
    });
    await completeTodo(ctx(db, normal, at("2026-10-21T09:00:00Z")), {
      todoId: reopened.todoId,
    });
    await reopenTodo(ctx(db, normal, at("2026-10-22T09:00:00Z")), {
      todoId: reopened.todoId,
    });

    // Romania's salesperson keeps Bucharest's calendar: 22:30 UTC on October 31 is already November there.
    await db.update(groups).set({ timeZone: "Europe/Bucharest" }).where(eq(groups.id, crm.groups.ro.id));
    const ro = await createCard(ctx(db, crm.actors.admin, at("2026-10-31T22:30:00Z")), {
      moduleId: crm.module.id,
      name: "Olt deal",
      ownerId: groupRestrictedRo.id,
    });
    void ro;
    await db.insert(currencyRates).values({ currency: "EUR", month: "2026-10-01", rate: 400 });
    // Around the spring DST change (Budapest goes from UTC+1 to UTC+2 at 02:00 on March 29): 23:30 local on
    // the 29th is 21:30 UTC; 00:30 local on the 30th is 22:30 UTC.
    await createCard(ctx(db, normal, at("2026-03-29T21:30:00Z")), { moduleId: crm.module.id, name: "Spring evening" });
    await createCard(ctx(db, normal, at("2026-03-29T22:30:00Z")), { moduleId: crm.module.id, name: "Spring night" });
  });

  it("counts a status change at 23:30 on the month's last day in that month, on the salesperson's own calendar", async () => {
    const report = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(october));
    const hu = report.rows.find((r) => r.key === crm.actors.normal.id)!;
    expect(hu.metrics).toMatchObject({
      created: 2,
      statusChanges: 2,
      won: 1,
      lost: 0,
      todosOnTime: 1,
      todosLate: 1,
      overdueAtEnd: 2,
    });
    const ro = report.rows.find((r) => r.key === crm.actors.groupRestrictedRo.id)!;
    expect(ro.metrics.created).toBe(0); // 00:30 on November 1 in Bucharest

    const next = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(november));
    expect(next.rows.find((r) => r.key === crm.actors.normal.id)!.metrics).toMatchObject({ created: 0, won: 0, lost: 1, lostValue: 200000 });
    expect(next.rows.find((r) => r.key === crm.actors.groupRestrictedRo.id)!.metrics.created).toBe(1);
  });

  it("counts the 23-hour day of the spring DST change on the wall clock", async () => {
    const day = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input({ period: "custom", from: "2026-03-29", to: "2026-03-29" }));
    expect(day.totals.created).toBe(1);
    const next = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input({ period: "custom", from: "2026-03-30", to: "2026-04-05" }));
    expect(next.totals.created).toBe(1);
    expect(next.trend).toEqual([{ week: "2026-03-30", created: 1, statusChanges: 0, won: 0, lost: 0, todosDone: 0 }]);
  });

  it("the CSV holds the table's numbers", async () => {
    const report = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(october));
    const labels = { metric: (k: string) => k, heading: (k: string) => k };
    const csv = reportCsv(report, "leaderboard", ";", labels);
    expect(csv.startsWith("\uFEFFsalesperson;groups;created;statusChanges;won;wonValue;")).toBe(true);
    const hu = report.rows.find((r) => r.key === crm.actors.normal.id)!;
    expect(csv).toContain(`${hu.name};Hungary;2;2;1;400000;0;0;1;1;2;0;0;0\r\n`);
  });

  it("converts money with the month's rate and says which rate it used", async () => {
    const report = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(october));
    expect(report.currency).toBe("HUF");
    expect(report.totals.wonValue).toBe(400_000);
    expect(report.rates).toEqual([{ currency: "EUR", month: "2026-10", rate: 400, rateMonth: "2026-10" }]);
    expect(report.missingRates).toEqual([]);
  });

  it("an admin keeps the rates; a month without its own uses the latest before it; other roles may not", async () => {
    const admin = ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z"));
    await setRate(admin, { currency: "eur", month: "2026-09", rate: "390,5" });
    await removeRate(admin, { currency: "EUR", month: "2026-10" });
    const report = await buildReport(admin, input(october));
    expect(report.totals.wonValue).toBe(390_500);
    expect(report.rates).toEqual([{ currency: "EUR", month: "2026-10", rate: 390.5, rateMonth: "2026-09" }]);
    await removeRate(admin, { currency: "EUR", month: "2026-09" });
    const none = await buildReport(admin, input(october));
    expect(none.totals.wonValue).toBe(0);
    expect(none.missingRates).toEqual([{ currency: "EUR", month: "2026-10" }]);
    await expect(setRate(ctx(db, crm.actors.manager), { currency: "EUR", month: "2026-10", rate: 400 })).rejects.toMatchObject({ kind: "forbidden" });
    expect(setRateSchema.safeParse({ currency: "EU", month: "2026-13", rate: "-1" }).error?.issues.map((i) => i.message)).toEqual([
      "invalid_currency",
      "invalid_month",
      "invalid_rate",
    ]);
    await setRate(admin, { currency: "EUR", month: "2026-10", rate: 400 });
  });

  it("builds the funnel and the time spent in each status from the moves", async () => {
    const report = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(october));
    const [funnel] = report.funnels;
    expect(funnel.steps.map((s) => [s.name, s.cards])).toEqual([
      ["New lead", 2],
      ["Offer sent", 1],
      ["Won", 1],
      ["Lost", 0],
    ]);
    expect(funnel.steps.map((s) => s.fromPrevious)).toEqual([null, 0.5, 1, null]); // won follows the last open status; lost is an exit
    expect(funnel.createdToWon).toBe(0.5);
    const lead = report.dwell.find((d) => d.name === "New lead")!;
    expect(lead).toMatchObject({ exits: 1, avgHours: 24 });
    expect(lead.medianHours).toBeCloseTo(24, -1); // read from 19 %-wide buckets: 23.6 h
    expect(report.trend.reduce((n, w) => n + w.created, 0)).toBe(2);
  });

  it("keeps the facts of a past month when the card changes later", async () => {
    const [deal] = await db.select().from(cards).where(eq(cards.name, "Duna deal"));
    await updateCard(ctx(db, crm.actors.admin, at("2026-11-15T10:00:00Z")), {
      cardId: deal.id,
      version: deal.version,
      values: { [crm.fields.budget.id]: { amount: 5, currency: "EUR" } },
      ownerId: crm.actors.manager.id,
    });
    const report = await buildReport(ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z")), input(october));
    expect(report.rows.find((r) => r.key === crm.actors.normal.id)!.metrics).toMatchObject({ won: 1, wonValue: 400_000 });
  });

  it("a group manager sees their groups' people only, and may not ask for another group", async () => {
    const gm = crm.actors.groupManagerHu;
    const report = await buildReport(ctx(db, gm, at("2026-12-01T10:00:00Z")), input(october));
    expect(report.rows.map((r) => r.key).sort()).toEqual([crm.actors.normal.id, crm.actors.restricted.id, gm.id].sort());
    expect(report.groups.map((g) => g.name)).toEqual(["Hungary"]);
    await expect(buildReport(ctx(db, gm, at("2026-12-01T10:00:00Z")), input({ ...october, group: crm.groups.ro.id }))).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(buildReport(ctx(db, crm.actors.admin), input({ ...october, group: crypto.randomUUID() }))).rejects.toMatchObject({
      code: "report_unknown_group",
    });
    await expect(buildReport(ctx(db, crm.actors.normal), input(october))).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("lists the cards behind a number, within the reader's scope", async () => {
    const admin = ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z"));
    const won = await drillDown(admin, input(october), { metric: "won", user: crm.actors.normal.id });
    expect(won.cards.map((c) => c.name)).toEqual(["Duna deal"]);
    const created = await drillDown(admin, input(october), { metric: "created" });
    expect(created.cards.map((c) => c.name).sort()).toEqual(["Duna deal", "Tisza deal"]);
    const gm = ctx(db, crm.actors.groupManagerHu, at("2026-12-01T10:00:00Z"));
    await expect(drillDown(gm, input(november), { metric: "created", user: crm.actors.groupRestrictedRo.id })).rejects.toMatchObject({
      code: "report_unknown_user",
    });
  });

  it("refuses a period that ends before it starts or spans more than five years", () => {
    expect(
      reportInputSchema.safeParse({
        period: "custom",
        from: "2026-10-31",
        to: "2026-10-01",
      }).error?.issues[0].message,
    ).toBe("report_period_backwards");
    expect(
      reportInputSchema.safeParse({
        period: "custom",
        from: "2020-01-01",
        to: "2026-01-01",
      }).error?.issues[0].message,
    ).toBe("report_period_too_long");
  });

  it("recounts a salesperson's days when their group's calendar changes", async () => {
    const admin = ctx(db, crm.actors.admin, at("2026-12-01T10:00:00Z"));
    // Lisbon is an hour behind Budapest: the loss at 23:30 UTC on October 31 is October's there.
    await setGroupCalendar(admin, { groupId: crm.groups.hu.id, timeZone: "Europe/Lisbon", holidays: [] });
    const lisbon = await buildReport(admin, input(october));
    expect(lisbon.rows.find((r) => r.key === crm.actors.normal.id)!.metrics).toMatchObject({ won: 1, lost: 1 });
    await setGroupCalendar(admin, { groupId: crm.groups.hu.id, timeZone: null, holidays: [] });
    const budapest = await buildReport(admin, input(october));
    expect(budapest.rows.find((r) => r.key === crm.actors.normal.id)!.metrics).toMatchObject({ won: 1, lost: 0 });
  });

  it("the rollups add up to the events, month by month", async () => {
    await db.execute(sql`select fold_report_rollups()`);
    const rollups = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select kind, sum(n)::int as n from report_rollups where grain = 'month' and kind <> 'exit' group by 1 order by 1`,
    );
    const events = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from report_events where kind not in ('email') group by 1 order by 1`,
    );
    expect(rollups).toEqual(events);
    const grains = await queryRows<{ grain: string; n: number }>(db, sql`select grain, sum(n)::int as n from report_rollups group by 1 order by 1`);
    expect(new Set(grains.map((g) => g.n)).size).toBe(1); // day, week and month count the same events
  });

  it("writes one report event per reportable history entry, in the writer's transaction", async () => {
    const events = await db.select().from(reportEvents);
    expect(events.filter((e) => e.kind === "todo_done")).toHaveLength(2); // the reopened one is gone
    const open = await db.select().from(todos);
    expect(open).toHaveLength(4);
  });
});
