import { describe, expect, it } from "vitest";
import { defaultTodoDeadline, zonedDatePlusDays } from "./default-deadline";

const tz = "Europe/Budapest";

describe("defaultTodoDeadline", () => {
  it("offers the next full hour today within working hours, on the organisation's clock", () => {
    expect(defaultTodoDeadline(new Date("2026-05-04T10:20:00Z"), tz)).toEqual({ date: "2026-05-04", time: "13:00" }); // 12:20 local
    expect(defaultTodoDeadline(new Date("2026-05-04T04:00:00Z"), tz)).toEqual({ date: "2026-05-04", time: "09:00" }); // 06:00 local
  });
  it("moves to 09:00 tomorrow late in the day, including just before midnight", () => {
    expect(defaultTodoDeadline(new Date("2026-05-04T15:30:00Z"), tz)).toEqual({ date: "2026-05-05", time: "09:00" }); // 17:30 local
    expect(defaultTodoDeadline(new Date("2026-05-04T21:59:00Z"), tz)).toEqual({ date: "2026-05-05", time: "09:00" }); // 23:59 local
    expect(defaultTodoDeadline(new Date("2026-12-31T22:30:00Z"), tz)).toEqual({ date: "2027-01-01", time: "09:00" }); // 23:30 local
  });
  it("adds calendar days in the zone", () => {
    expect(zonedDatePlusDays(new Date("2026-05-04T22:30:00Z"), tz, 1)).toBe("2026-05-06"); // already the 5th in Budapest
  });
});
