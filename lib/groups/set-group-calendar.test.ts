import { describe, expect, it } from "vitest";
import { ctxFor, seedUser, snapshot } from "@/lib/users/test-fixtures";
import { createTestDb } from "@/test/db";
import { createGroup } from "./create-group";
import { listGroups } from "./list-groups";
import { maxHolidaysPerGroup, setGroupCalendar } from "./set-group-calendar";

const now = new Date("2026-03-02T09:00:00Z");

describe("setGroupCalendar", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
  const manager = await seedUser(db, { email: "mate@acme.test", role: "manager" });
  const ctx = ctxFor(db, admin, now);
  const { groupId } = await createGroup(ctx, { name: "Romania" });

  it("sets a time zone and days off (sorted, duplicates dropped); listGroups shows them", async () => {
    const result = await setGroupCalendar(ctx, { groupId, timeZone: "Europe/Bucharest", holidays: ["2026-12-25", "2026-01-01", "2026-12-25"] });
    expect(result).toEqual({ groupId, timeZone: "Europe/Bucharest", holidays: ["2026-01-01", "2026-12-25"] });
    expect((await listGroups(ctx)).find((g) => g.id === groupId)).toMatchObject({ timeZone: "Europe/Bucharest", holidays: ["2026-01-01", "2026-12-25"] });
  });

  it("takes a form's fields: one date alone, an empty zone meaning the organisation's", async () => {
    expect(await setGroupCalendar(ctx, { groupId, timeZone: "", holidays: "2026-05-01" })).toEqual({ groupId, timeZone: null, holidays: ["2026-05-01"] });
    expect(await setGroupCalendar(ctx, { groupId })).toEqual({ groupId, timeZone: null, holidays: [] });
    expect((await listGroups(ctx)).find((g) => g.id === groupId)).toMatchObject({ timeZone: null, holidays: [] });
  });

  it("refuses unknown zones, impossible dates, too many days and non-admins, changing nothing", async () => {
    await setGroupCalendar(ctx, { groupId, timeZone: "Europe/Bucharest", holidays: ["2026-12-25"] });
    const before = await snapshot(db);
    await expect(setGroupCalendar(ctx, { groupId, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ issues: [{ message: "invalid_time_zone", path: ["timeZone"] }] });
    for (const bad of ["2026-02-30", "2026-13-01", "25/12/2026", "2026-1-1"]) {
      await expect(setGroupCalendar(ctx, { groupId, holidays: [bad] })).rejects.toMatchObject({ issues: [{ message: "invalid_date" }] });
    }
    const tooMany = Array.from({ length: maxHolidaysPerGroup + 1 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    await expect(setGroupCalendar(ctx, { groupId, holidays: tooMany })).rejects.toMatchObject({ issues: [{ message: "too_many_holidays" }] });
    await expect(setGroupCalendar(ctx, { groupId, holidays: tooMany.slice(0, maxHolidaysPerGroup) })).resolves.toMatchObject({ groupId });
    await setGroupCalendar(ctx, { groupId, timeZone: "Europe/Bucharest", holidays: ["2026-12-25"] });
    await expect(setGroupCalendar(ctxFor(db, manager, now), { groupId, timeZone: "Europe/Vienna" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setGroupCalendar(ctx, { groupId: crypto.randomUUID(), timeZone: "Europe/Vienna" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(db)).toEqual(before);
  });
});
