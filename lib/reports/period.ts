import { addCalendarDays, startOfZonedDay, zonedToday } from "@/lib/time/calendar-days";

export const periodPresets = ["this_week", "last_week", "this_month", "last_month", "this_quarter", "this_year", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** A run of whole calendar days, `from` to `to` inclusive ("YYYY-MM-DD"), the same in every zone. */
export type Period = { from: string; to: string };

const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const parts = (date: string) => date.split("-").map(Number) as [number, number, number];

/** The preset's days around `today` (weeks start on Monday). */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today: string): Period {
  const [y, m, d] = parts(today);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  const monday = addCalendarDays(today, -weekday);
  switch (preset) {
    case "this_week":
      return { from: monday, to: addCalendarDays(monday, 6) };
    case "last_week":
      return {
        from: addCalendarDays(monday, -7),
        to: addCalendarDays(monday, -1),
      };
    case "this_month":
      return { from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
    case "last_month":
      return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) };
    case "this_quarter": {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: ymd(y, first, 1), to: ymd(y, first + 3, 0) };
    }
    case "this_year":
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  }
}

export const periodDays = (p: Period) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;

/**
 * The period before: the month (quarter, year) before a whole month (quarter, year), else as many days
 * just before — so last month compares with the month before it, not with 31 days.
 */
export function previousPeriod(p: Period): Period {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm] = parts(p.to);
  const wholeMonths = fd === 1 && ymd(ty, tm + 1, 0) === p.to;
  if (wholeMonths) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    return { from: ymd(fy, fm - months, 1), to: ymd(fy, fm, 0) };
  }
  const days = periodDays(p);
  return {
    from: addCalendarDays(p.from, -days),
    to: addCalendarDays(p.from, -1),
  };
}

/** The instants a period begins and ends (exclusive) on a zone's wall clock: DST days are 23 or 25 hours. */
export function periodBounds(p: Period, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfZonedDay(p.from, timeZone),
    end: startOfZonedDay(addCalendarDays(p.to, 1), timeZone),
  };
}

export const todayIn = zonedToday;
