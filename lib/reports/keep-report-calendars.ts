import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { groupMembers } from "@/db/schema";

const zonesOf = async (tx: Db, userIds: string[]) =>
  new Map(
    (
      await queryRows<{ id: string; zone: string }>(
        tx,
        sql`select u.id::text as id, report_zone(u.id) as zone from unnest(${`{${userIds.join(",")}}`}::uuid[]) as u(id)`,
      )
    ).map((r) => [r.id, r.zone]),
  );

/**
 * Runs a change to groups inside its transaction, and recounts the report rollups of the people whose
 * calendar zone it changed (their days now begin at another hour), so reports never mix two calendars.
 */
export async function keepReportCalendars<T>(tx: Db, userIds: string[], change: () => Promise<T>): Promise<T> {
  if (userIds.length === 0) return change();
  const before = await zonesOf(tx, userIds);
  const result = await change();
  const after = await zonesOf(tx, userIds);
  const moved = userIds.filter((id) => before.get(id) !== after.get(id));
  if (moved.length) await tx.execute(sql`select rebuild_report_rollups(${`{${moved.join(",")}}`}::uuid[])`);
  return result;
}

/** The members of a group, whose calendars a change to it may move. */
export const membersOf = async (tx: Db, groupId: string) =>
  (await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId))).map((m) => m.userId);
