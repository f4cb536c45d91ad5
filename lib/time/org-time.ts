import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";

/**
 * Wall-clock time in the organisation's time zone ↔ instants. Deadlines are stored as instants;
 * "today", "tomorrow" and the hour:minute a user typed are always read in the organisation's zone,
 * so every user and the server agree, across DST changes.
 */

/** "2026-03-29" + "02:30" in Europe/Budapest → the instant (a time skipped by DST moves forward). */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

/** The instant → { date: "YYYY-MM-DD", time: "HH:mm" } on the organisation's wall clock. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`, time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

type DayBoundaries = Readonly<{ yesterday: Date; today: Date; tomorrow: Date; dayAfter: Date }>;

// Working out a zone's midnight costs several Intl calls; a page asks for it once per row, always for the same day.
const lastDayByZone = new Map<string, DayBoundaries>();

/** Start of yesterday, today, tomorrow and the day after, as instants, in the organisation's zone (23- and 25-hour days included). */
export function dayBoundaries(now: Date, timeZone: string): DayBoundaries {
  const cached = lastDayByZone.get(timeZone);
  if (cached && now >= cached.today && now < cached.tomorrow) return cached;
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  const instant = (days: number) => new Date(addDays(today, days).getTime());
  const day: DayBoundaries = Object.freeze({ yesterday: instant(-1), today: instant(0), tomorrow: instant(1), dayAfter: instant(2) });
  lastDayByZone.set(timeZone, day);
  return day;
}

/** The next local midnight after `now`: when "today" rolls over. */
export function nextMidnight(now: Date, timeZone: string): Date {
  return dayBoundaries(now, timeZone).tomorrow;
}

export type DeadlineState = "overdue" | "today" | "later";
export type TodoGroup = "overdue" | "today" | "tomorrow" | "later";

/** How a list shows a deadline: overdue in red, later today in bold, a later day plain. */
export function deadlineState(deadline: Date, now: Date, timeZone: string): DeadlineState {
  if (deadline.getTime() <= now.getTime()) return "overdue";
  return deadline < dayBoundaries(now, timeZone).tomorrow ? "today" : "later";
}

/** Which "My todos" group a deadline falls in. */
export function todoGroup(deadline: Date, now: Date, timeZone: string): TodoGroup {
  if (deadline.getTime() <= now.getTime()) return "overdue";
  const { tomorrow, dayAfter } = dayBoundaries(now, timeZone);
  if (deadline < tomorrow) return "today";
  return deadline < dayAfter ? "tomorrow" : "later";
}
