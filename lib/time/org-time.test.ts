import { describe, expect, it } from "vitest";
import { dayBoundaries, deadlineState, instantToZoned, nextMidnight, todoGroup, zonedToInstant } from "./org-time";

const tz = "Europe/Budapest";

describe("organisation time", () => {
  it("reads a typed date and time on the organisation's wall clock, in winter and in summer", () => {
    expect(zonedToInstant("2026-01-15", "09:30", tz).toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedToInstant("2026-07-15", "09:30", tz).toISOString()).toBe("2026-07-15T07:30:00.000Z");
    expect(instantToZoned(new Date("2026-07-15T07:30:00Z"), tz)).toEqual({ date: "2026-07-15", time: "09:30" });
  });

  it("has 23- and 25-hour days at the DST changes", () => {
    const spring = dayBoundaries(new Date("2026-03-29T10:00:00Z"), tz);
    expect(spring.tomorrow.getTime() - spring.today.getTime()).toBe(23 * 3600_000);
    const autumn = dayBoundaries(new Date("2026-10-25T10:00:00Z"), tz);
    expect(autumn.tomorrow.getTime() - autumn.today.getTime()).toBe(25 * 3600_000);
    expect(nextMidnight(new Date("2026-10-25T10:00:00Z"), tz).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("knows yesterday across a DST change, and gives the same day's boundaries for any moment of it, in each zone", () => {
    const afterSpring = dayBoundaries(new Date("2026-03-30T10:00:00Z"), tz);
    expect(afterSpring.yesterday.toISOString()).toBe("2026-03-28T23:00:00.000Z"); // Budapest's 29 March began at +01:00
    expect(afterSpring.today.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(dayBoundaries(new Date("2026-03-30T21:59:59Z"), tz)).toEqual(afterSpring);
    expect(dayBoundaries(new Date("2026-03-30T22:00:00Z"), tz).today.toISOString()).toBe("2026-03-30T22:00:00.000Z");
    expect(dayBoundaries(new Date("2026-03-30T10:00:00Z"), "America/New_York").today.toISOString()).toBe("2026-03-30T04:00:00.000Z");
    expect(dayBoundaries(new Date("2026-03-30T10:00:00Z"), tz)).toEqual(afterSpring);
  });

  it("colours a deadline overdue, today or later from one clock", () => {
    const now = new Date("2026-05-04T10:00:00Z"); // 12:00 in Budapest
    expect(deadlineState(new Date("2026-05-04T09:59:00Z"), now, tz)).toBe("overdue");
    expect(deadlineState(now, now, tz)).toBe("overdue");
    expect(deadlineState(new Date("2026-05-04T21:59:00Z"), now, tz)).toBe("today"); // 23:59 local
    expect(deadlineState(new Date("2026-05-04T22:00:00Z"), now, tz)).toBe("later"); // 00:00 local next day
  });

  it("groups todos overdue, today, tomorrow and later", () => {
    const now = new Date("2026-05-04T10:00:00Z");
    expect(todoGroup(new Date("2026-05-03T10:00:00Z"), now, tz)).toBe("overdue");
    expect(todoGroup(new Date("2026-05-04T12:00:00Z"), now, tz)).toBe("today");
    expect(todoGroup(new Date("2026-05-05T12:00:00Z"), now, tz)).toBe("tomorrow");
    expect(todoGroup(new Date("2026-05-05T22:00:00Z"), now, tz)).toBe("later");
  });
});
