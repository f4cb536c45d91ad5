import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { groupMembers, groups } from "@/db/schema";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { loadCalendars, stepDueAt, type StepTiming, type WorkCalendar } from "./timing";

const budapest: WorkCalendar = { timeZone: "Europe/Budapest", holidays: new Set() };
const step = (delayDays: number, sendTime: string | null = null, workingDaysOnly = false): StepTiming => ({ delayDays, sendTime, workingDaysOnly });
const due = (entered: string, timing: StepTiming, calendar = budapest) => stepDueAt(new Date(entered), timing, calendar).toISOString();

describe("stepDueAt: wall-clock days in the card's zone", () => {
  it("spring DST (Budapest, 29 March 2026): 2 days later at 09:00 is 09:00 local on both sides", () => {
    // Friday 27 March 10:00 CET (UTC+1) → Sunday 29 March 09:00 CEST (UTC+2)
    expect(due("2026-03-27T09:00:00Z", step(2, "09:00"))).toBe("2026-03-29T07:00:00.000Z");
    // Without a send time the entry's wall-clock time is kept: 14:37 → 14:37, 23 hours later.
    expect(due("2026-03-28T13:37:00Z", step(1))).toBe("2026-03-29T12:37:00.000Z");
    // 02:30 does not exist that night: the first instant that does (03:30 CEST).
    expect(due("2026-03-28T09:00:00Z", step(1, "02:30"))).toBe("2026-03-29T01:30:00.000Z");
  });

  it("autumn DST (Budapest, 25 October 2026): 09:00 CEST → 09:00 CET, a 25-hour day in between", () => {
    expect(due("2026-10-24T07:00:00Z", step(1, "09:00"))).toBe("2026-10-25T08:00:00.000Z");
    expect(due("2026-10-24T07:00:00Z", step(1))).toBe("2026-10-25T08:00:00.000Z");
    expect(due("2026-10-23T12:00:00Z", step(3, "18:30"))).toBe("2026-10-26T17:30:00.000Z");
  });

  it("day 0: at once without a time; a time still ahead today; a time already past → tomorrow, never before entry", () => {
    expect(due("2026-05-04T08:00:00Z", step(0))).toBe("2026-05-04T08:00:00.000Z");
    expect(due("2026-05-04T08:00:00Z", step(0, "11:00"))).toBe("2026-05-04T09:00:00.000Z"); // 10:00 local → 11:00 local
    expect(due("2026-05-04T08:00:00Z", step(0, "09:00"))).toBe("2026-05-05T07:00:00.000Z");
    expect(due("2026-05-04T08:00:00Z", step(0, "10:00"))).toBe("2026-05-04T08:00:00.000Z"); // exactly now is not before
    // The local day counts, not UTC's: 00:30 local on 5 May is still 4 May in UTC.
    expect(due("2026-05-04T22:30:00Z", step(1, "09:00"))).toBe("2026-05-06T07:00:00.000Z");
  });

  it("working days only: a Saturday or Sunday moves to Monday at the same time; off, the weekend counts", () => {
    // Thursday 7 May 2026 + 2 days = Saturday 9 May
    expect(due("2026-05-07T08:00:00Z", step(2, "09:00"))).toBe("2026-05-09T07:00:00.000Z");
    expect(due("2026-05-07T08:00:00Z", step(2, "09:00", true))).toBe("2026-05-11T07:00:00.000Z");
    expect(due("2026-05-07T08:00:00Z", step(3, null, true))).toBe("2026-05-11T08:00:00.000Z");
    // A working day stays put.
    expect(due("2026-05-07T08:00:00Z", step(1, "09:00", true))).toBe("2026-05-08T07:00:00.000Z");
    // Day 0 past on a Friday → Saturday → Monday.
    expect(due("2026-05-08T15:00:00Z", step(0, "09:00", true))).toBe("2026-05-11T07:00:00.000Z");
  });

  it("holidays of the calendar are skipped too (Whit Monday after a weekend → Tuesday)", () => {
    const calendar: WorkCalendar = { timeZone: "Europe/Budapest", holidays: new Set(["2026-05-25"]) };
    expect(due("2026-05-21T08:00:00Z", step(2, "09:00", true), calendar)).toBe("2026-05-26T07:00:00.000Z"); // Sat 23 → Tue 26
    expect(due("2026-05-21T08:00:00Z", step(4, "09:00", false), calendar)).toBe("2026-05-25T07:00:00.000Z"); // not working days only: the holiday itself
    // A holiday on a weekday in the middle of a week.
    const mid: WorkCalendar = { timeZone: "Europe/Budapest", holidays: new Set(["2026-10-23"]) };
    expect(due("2026-10-21T08:00:00Z", step(2, "09:00", true), mid)).toBe("2026-10-26T08:00:00.000Z"); // Fri 23 holiday, weekend, Mon 26 (CET)
  });

  it("a group zone: 09:00 in Bucharest is an hour earlier than in Budapest", () => {
    const bucharest: WorkCalendar = { timeZone: "Europe/Bucharest", holidays: new Set() };
    expect(due("2026-05-04T08:00:00Z", step(1, "09:00"), bucharest)).toBe("2026-05-05T06:00:00.000Z");
    expect(due("2026-05-04T08:00:00Z", step(1, "09:00"))).toBe("2026-05-05T07:00:00.000Z");
  });
});

describe("loadCalendars: the owner's first group (by name) with a zone or holidays", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  it("no group calendars: everyone on the organisation's zone, no holidays", async () => {
    const calendarOf = await loadCalendars(db, [crm.actors.normal.id, null]);
    expect(calendarOf(crm.actors.normal.id)).toEqual({ timeZone: "Europe/Budapest", holidays: new Set() });
    expect(calendarOf(null)).toEqual({ timeZone: "Europe/Budapest", holidays: new Set() });
  });

  it("a group's zone and holidays; holidays alone keep the organisation's zone; the first group by name wins", async () => {
    await db.update(groups).set({ timeZone: "Europe/Bucharest", holidays: ["2026-12-01"] }).where(eq(groups.id, crm.groups.ro.id));
    await db.update(groups).set({ holidays: ["2026-10-23"] }).where(eq(groups.id, crm.groups.hu.id));
    const [both] = await db.insert(groups).values({ name: "Adriatic", timeZone: "Europe/Zagreb" }).returning();
    await db.insert(groupMembers).values({ groupId: both.id, userId: crm.actors.otherRestricted.id });
    const calendarOf = await loadCalendars(db, [crm.actors.normal.id, crm.actors.groupRestrictedRo.id, crm.actors.otherRestricted.id, crm.actors.admin.id]);
    expect(calendarOf(crm.actors.normal.id)).toEqual({ timeZone: "Europe/Budapest", holidays: new Set(["2026-10-23"]) });
    expect(calendarOf(crm.actors.groupRestrictedRo.id)).toEqual({ timeZone: "Europe/Bucharest", holidays: new Set(["2026-12-01"]) });
    // In "Adriatic" and "Romania": Adriatic comes first.
    expect(calendarOf(crm.actors.otherRestricted.id)).toEqual({ timeZone: "Europe/Zagreb", holidays: new Set() });
    expect(calendarOf(crm.actors.admin.id).timeZone).toBe("Europe/Budapest");
    // An owner not asked about falls back to the organisation's.
    expect(calendarOf(crm.actors.manager.id).timeZone).toBe("Europe/Budapest");
  });
});
