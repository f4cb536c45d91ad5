import { dayBoundaries, instantToZoned } from "@/lib/time/org-time";

const pad = (n: number) => String(n).padStart(2, "0");

/** The working day a new todo defaults into, on the organisation's clock. */
const firstHour = 9;
const lastHour = 17;

/**
 * Where a new todo's deadline starts: the next full hour today while that is within working hours
 * (09:00–17:00), 09:00 today before the day starts, else 09:00 tomorrow. Date and time in `timeZone`.
 */
export function defaultTodoDeadline(now: Date, timeZone: string): { date: string; time: string } {
  const { date, time } = instantToZoned(now, timeZone);
  const nextHour = Number(time.slice(0, 2)) + 1;
  if (nextHour <= firstHour) return { date, time: `${pad(firstHour)}:00` };
  if (nextHour <= lastHour) return { date, time: `${pad(nextHour)}:00` };
  return { date: instantToZoned(dayBoundaries(now, timeZone).tomorrow, timeZone).date, time: `${pad(firstHour)}:00` };
}

/** The calendar date `days` after today in `timeZone` ("YYYY-MM-DD"), for the form's quick picks. */
export function zonedDatePlusDays(now: Date, timeZone: string, days: number): string {
  const { date } = instantToZoned(now, timeZone);
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
