import { and, eq, inArray, notInArray } from "drizzle-orm";
import { z } from "zod";
import { groupMembers, groups, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { reconnectUsers } from "@/lib/realtime/socket-server";
import { idListSchema, idSchema } from "@/lib/users/schemas";
import { keepReportCalendars } from "@/lib/reports/keep-report-calendars";

export const setGroupMembersSchema = z.object({ groupId: idSchema, userIds: idListSchema });
export type SetGroupMembersInput = z.input<typeof setGroupMembersSchema>;

/**
 * Makes exactly these users the group's members; returns who was added and who removed. Their live
 * connections reconnect, so they hear about exactly the cards their new groups let them see.
 */
export async function setGroupMembers(ctx: Ctx, input: SetGroupMembersInput): Promise<{ groupId: string; added: string[]; removed: string[] }> {
  if (!can(ctx.actor, "groups.manage")) throw forbidden();
  const { groupId, userIds } = setGroupMembersSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    const [group] = await tx.select({ archivedAt: groups.archivedAt }).from(groups).where(eq(groups.id, groupId)).for("update");
    if (!group) throw notFound();
    if (group.archivedAt) throw invalid("group_archived");
    if (userIds.length > 0) {
      const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds));
      if (found.length !== userIds.length) throw invalid("invalid_user", { userIds: "invalid_user" });
    }
    const current = await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
    const before = new Set(current.map((m) => m.userId));
    const added = userIds.filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !userIds.includes(id));
    await keepReportCalendars(tx, [...added, ...removed], async () => {
      if (removed.length > 0) {
        await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), userIds.length > 0 ? notInArray(groupMembers.userId, userIds) : undefined));
      }
      if (added.length > 0) await tx.insert(groupMembers).values(added.map((userId) => ({ groupId, userId })));
    });
    return { groupId, added, removed };
  });
  reconnectUsers([...result.added, ...result.removed]);
  return result;
}
