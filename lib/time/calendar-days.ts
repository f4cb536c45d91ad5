import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { instantToZoned, zonedToInstant } from "./org-time";

/** "2026-03-28" + 1 → "2026-03-29": arithmetic on the calendar, no zone and no DST involved. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a calendar date begins in the zone (so a 23- or 25-hour day is exactly that long). */
export const startOfZonedDay = (date: string, timeZone: string): Date => zonedToInstant(date, "00:00", timeZone);

/** Today's date on the organisation's wall clock. */
export const zonedToday = (now: Date, timeZone: string): string => instantToZoned(now, timeZone).date;

/** The same wall-clock time `days` calendar days later in the zone (24 h ± the DST shift in between). */
export const addZonedDays = (instant: Date, days: number, timeZone: string): Date =>
  new Date(addDays(new TZDate(instant.getTime(), timeZone), days).getTime());
