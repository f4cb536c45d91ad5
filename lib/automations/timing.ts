import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, organisation } from "@/db/schema";
import { addCalendarDays, addZonedDays } from "@/lib/time/calendar-days";
import { instantToZoned, zonedToInstant } from "@/lib/time/org-time";

/** When a step runs, relative to the card's entry (automation_steps' columns). */
export type StepTiming = { delayDays: number; sendTime: string | null; workingDaysOnly: boolean };

/** Where a card's steps are timed: its owner's group's zone and holidays, else the organisation's zone and none. */
export type WorkCalendar = { timeZone: string; holidays: ReadonlySet<string> };

const defaultTimeZone = "Europe/Budapest";

/** "2026-03-28" is a Saturday: weekday of a calendar date, 0 = Sunday, with no zone involved. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const isWorkingDay = (date: string, calendar: WorkCalendar) => {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !calendar.holidays.has(date);
};

/** At most this many days are skipped looking for a working day (a year of holidays plus weekends). */
const maxSkippedDays = 800;

/**
 * The instant a step is due for a card that entered at `enteredAt` (DST-correct wall-clock
 * arithmetic in the calendar's zone): entry day + delayDays; at sendTime when set (a day-0 time
 * already past on the entry day moves to the next day: never before entry); then, when
 * workingDaysOnly, a Saturday, Sunday or holiday moves to the next working day at the same time.
 *
 * Without a sendTime the step keeps the entry's wall-clock time ("2 days later" at 14:37 is 14:37
 * local, 47 or 49 hours later across a clock change); a wall-clock time the clock skips (02:30 on
 * the spring change) moves forward to the first instant that exists.
 */
export function stepDueAt(enteredAt: Date, timing: StepTiming, calendar: WorkCalendar): Date {
  const { timeZone } = calendar;
  const entryDay = instantToZoned(enteredAt, timeZone).date;
  let days = Math.max(0, timing.delayDays);
  const at = (offset: number): Date =>
    timing.sendTime ? zonedToInstant(addCalendarDays(entryDay, offset), timing.sendTime, timeZone) : addZonedDays(enteredAt, offset, timeZone);
  // Only a day-0 send time can lie before the entry; a time the clock skips can too, by the shift: next day.
  while (at(days).getTime() < enteredAt.getTime()) days += 1;
  if (timing.workingDaysOnly) {
    for (let skipped = 0; skipped < maxSkippedDays && !isWorkingDay(addCalendarDays(entryDay, days), calendar); skipped++) days += 1;
  }
  return at(days);
}

type CalendarRow = { orgZone: string | null; userId: string | null; timeZone: string | null; holidays: string[] | null };

/**
 * The calendar of each owner's cards (null: unowned → the organisation's), in one query: the owner's
 * first group by name that has a time zone or holidays set — its zone (else the organisation's) and
 * its holidays; an owner in no such group, and unowned cards, get the organisation's zone and no holidays.
 */
export async function loadCalendars(db: Db, ownerIds: (string | null)[]): Promise<(ownerId: string | null) => WorkCalendar> {
  const ids = [...new Set(ownerIds.filter((id): id is string => Boolean(id)))];
  const calendared = db
    .select({ userId: groupMembers.userId, name: groups.name, groupId: groups.id, timeZone: groups.timeZone, holidays: groups.holidays })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(ids.length ? inArray(groupMembers.userId, ids) : sql`false`, or(isNotNull(groups.timeZone), sql`jsonb_array_length(${groups.holidays}) > 0`)))
    .as("calendared");
  // The organisation's row left-joined to the owners' calendared groups: one round trip, one row at least.
  const rows: CalendarRow[] = await db
    .select({ orgZone: organisation.timeZone, userId: calendared.userId, timeZone: calendared.timeZone, holidays: calendared.holidays })
    .from(organisation)
    .leftJoin(calendared, sql`true`)
    .orderBy(calendared.userId, calendared.name, calendared.groupId);
  const orgZone = rows[0]?.orgZone ?? defaultTimeZone;
  const orgCalendar: WorkCalendar = { timeZone: orgZone, holidays: new Set() };
  const byOwner = new Map<string, WorkCalendar>();
  for (const row of rows) {
    if (!row.userId || byOwner.has(row.userId)) continue; // the first group by name wins
    byOwner.set(row.userId, { timeZone: row.timeZone ?? orgZone, holidays: new Set(row.holidays ?? []) });
  }
  return (ownerId) => (ownerId ? (byOwner.get(ownerId) ?? orgCalendar) : orgCalendar);
}
