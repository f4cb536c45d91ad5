import { eq } from "drizzle-orm";
import { z } from "zod";
import { groups } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { timeZoneSchema } from "@/lib/org/organisation";
import { idSchema } from "@/lib/users/schemas";
import { keepReportCalendars, membersOf } from "@/lib/reports/keep-report-calendars";

export const maxHolidaysPerGroup = 366;

/** A real calendar day written "YYYY-MM-DD" (no 2026-02-30). */
export const holidaySchema = z
  .string("invalid_date")
  .refine((d) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
    const day = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(d);
  }, "invalid_date");

export const setGroupCalendarSchema = z.object({
  groupId: idSchema,
  /** "" or none: the group follows the organisation's time zone. */
  timeZone: z.preprocess((v) => (v === "" || v === null ? undefined : v), timeZoneSchema.optional()),
  /** The whole holiday list (duplicates dropped, sorted); one date or many, as a form sends them. */
  holidays: z
    .union([holidaySchema, z.array(holidaySchema)], "invalid_date")
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])].sort())
    .pipe(z.array(z.string()).max(maxHolidaysPerGroup, "too_many_holidays")),
});
export type SetGroupCalendarInput = z.input<typeof setGroupCalendarSchema>;

/**
 * Sets a group's calendar for automation timing (SPEC §8): its time zone (send times are read in it)
 * and its days off (working-days-only steps skip them). Cards whose owner's first such group it is
 * follow it from their next step timing on; step runs already scheduled keep their due time.
 */
export async function setGroupCalendar(ctx: Ctx, input: SetGroupCalendarInput): Promise<{ groupId: string; timeZone: string | null; holidays: string[] }> {
  if (!can(ctx.actor, "groups.manage")) throw forbidden();
  const { groupId, timeZone, holidays } = setGroupCalendarSchema.parse(input);
  const updated = await ctx.db.transaction(async (tx) =>
    keepReportCalendars(tx, await membersOf(tx, groupId), async () => {
      const [row] = await tx.update(groups).set({ timeZone: timeZone ?? null, holidays }).where(eq(groups.id, groupId)).returning({ id: groups.id });
      return row;
    }),
  );
  if (!updated) throw notFound();
  return { groupId, timeZone: timeZone ?? null, holidays };
}
