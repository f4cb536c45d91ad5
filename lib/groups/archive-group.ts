import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { groupMembers, groups } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { reconnectUsers } from "@/lib/realtime/socket-server";
import { groupIdInputSchema } from "./schemas";

export type ArchiveGroupInput = z.input<typeof groupIdInputSchema>;

/** Archives a group: it disappears from choices, keeps its members, and can be restored. */
export async function archiveGroup(ctx: Ctx, input: ArchiveGroupInput): Promise<{ groupId: string; changed: boolean }> {
  return setArchived(ctx, input, true);
}

/** Brings an archived group back, with the members it had. */
export async function restoreGroup(ctx: Ctx, input: ArchiveGroupInput): Promise<{ groupId: string; changed: boolean }> {
  return setArchived(ctx, input, false);
}

async function setArchived(ctx: Ctx, input: ArchiveGroupInput, archive: boolean) {
  if (!can(ctx.actor, "groups.manage")) throw forbidden();
  const { groupId } = groupIdInputSchema.parse(input);
  const { memberIds, ...result } = await ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
    if (!exists) throw notFound();
    const changed = await tx
      .update(groups)
      .set({ archivedAt: archive ? ctx.now : null })
      .where(and(eq(groups.id, groupId), archive ? isNull(groups.archivedAt) : isNotNull(groups.archivedAt)))
      .returning({ id: groups.id });
    const members = changed.length > 0 ? await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId)) : [];
    return { groupId, changed: changed.length > 0, memberIds: members.map((m) => m.userId) };
  });
  // An archived group no longer scopes: its members' live connections rejoin without (or again with) its rooms.
  reconnectUsers(memberIds);
  return result;
}
