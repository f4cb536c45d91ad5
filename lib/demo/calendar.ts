import { instantToZoned, zonedToInstant } from "@/lib/time/org-time";
import type { Rng } from "./random";

/**
 * Wall-clock helpers for generated data: days are local calendar days in the organisation's zone,
 * times are office hours, so deadlines look like what people type ("Tuesday 10:30").
 */

/** "2026-11-27" + 3 → "2026-11-30" (calendar arithmetic, independent of DST). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Moves a Saturday or Sunday to the next Monday (or, with `backwards`, to the previous Friday). */
export function workday(date: string, backwards = false): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, backwards ? -1 : 1);
  return day;
}

/** An office-hours time, on quarter hours: "08:00" … "17:45". */
export function officeTime(rng: Rng, from = 8, to = 17): string {
  const hour = rng.int(from, to);
  const minute = rng.pick([0, 0, 15, 30, 30, 45]);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export type OrgCalendar = {
  now: Date;
  timeZone: string;
  /** Today's local date. */
  today: string;
  at(date: string, time: string): Date;
  dateOf(instant: Date): string;
  /** An office-hours instant `days` workdays-ish before today (never after `now`). */
  pastOfficeInstant(rng: Rng, daysAgo: number): Date;
};

export function orgCalendar(now: Date, timeZone: string): OrgCalendar {
  const today = instantToZoned(now, timeZone).date;
  const at = (date: string, time: string) => zonedToInstant(date, time, timeZone);
  return {
    now,
    timeZone,
    today,
    at,
    dateOf: (instant) => instantToZoned(instant, timeZone).date,
    pastOfficeInstant(rng, daysAgo) {
      const instant = at(workday(addDays(today, -Math.max(0, daysAgo)), true), officeTime(rng));
      const fallback = new Date(now.getTime() - rng.int(30, 240) * 60_000);
      return instant < now ? instant : fallback;
    },
  };
}

export type DeadlineBucket = "overdue" | "today" | "tomorrow" | "later";

/**
 * A deadline for an open todo, relative to now: overdue (up to a week late), due today (an office
 * hour that may already have passed, or later today), tomorrow, or a later workday within a month.
 */
export function openTodoDeadline(cal: OrgCalendar, rng: Rng, bucket: DeadlineBucket): Date {
  switch (bucket) {
    case "overdue": {
      const daysLate = rng.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
        [rng.int(3, 7), 2],
      ] as const);
      const instant = cal.at(workday(addDays(cal.today, -daysLate), true), officeTime(rng));
      const fallback = new Date(cal.now.getTime() - rng.int(15, 180) * 60_000);
      return instant < cal.now ? instant : fallback;
    }
    case "today": {
      // Still to come today: an office hour, or after office hours the rest of the evening. The same
      // number of draws whatever the time, so the rest of the data does not depend on when it ran.
      const [officePick, eveningPick] = [rng.next(), rng.next()];
      const later = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")}`)
        .map((t) => ({ t, at: cal.at(cal.today, t) }))
        .filter(({ t, at }) => at > cal.now && t >= "08:00");
      const office = later.filter(({ t }) => t <= "17:45");
      if (office.length) return office[Math.floor(officePick * office.length)].at;
      if (later.length) return later[Math.floor(eveningPick * later.length)].at;
      return cal.at(cal.today, "17:00");
    }
    case "tomorrow":
      return cal.at(addDays(cal.today, 1), officeTime(rng));
    case "later":
      return cal.at(workday(addDays(cal.today, rng.weighted([[rng.int(2, 6), 5], [rng.int(7, 14), 3], [rng.int(15, 35), 2]] as const))), officeTime(rng));
  }
}
