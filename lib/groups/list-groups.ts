import { eq } from "drizzle-orm";
import { groupMembers, groups, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { comparePeople, nameCollator } from "@/lib/users/compare-names";

export type GroupMember = { id: string; email: string; firstName: string; lastName: string; deactivated: boolean };

export type GroupListItem = {
  id: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  /** Its calendar for automation timing: a time zone (null: the organisation's) and days off, "YYYY-MM-DD", sorted. */
  timeZone: string | null;
  holidays: string[];
  /** Active members (deactivated users stay members, listed but not counted). */
  memberCount: number;
  members: GroupMember[];
};

/** Every group, active ones first, by name; with their members by name, in one query. */
export async function listGroups(ctx: Ctx): Promise<GroupListItem[]> {
  if (!can(ctx.actor, "settings.view")) throw forbidden();
  const rows = await ctx.db
    .select({
      id: groups.id,
      name: groups.name,
      createdAt: groups.createdAt,
      archivedAt: groups.archivedAt,
      timeZone: groups.timeZone,
      holidays: groups.holidays,
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      deactivatedAt: users.deactivatedAt,
    })
    .from(groups)
    .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
    .leftJoin(users, eq(users.id, groupMembers.userId));

  const byId = new Map<string, GroupListItem>();
  for (const row of rows) {
    let group = byId.get(row.id);
    if (!group) {
      group = {
        id: row.id,
        name: row.name,
        createdAt: row.createdAt,
        archivedAt: row.archivedAt,
        timeZone: row.timeZone,
        holidays: row.holidays,
        memberCount: 0,
        members: [],
      };
      byId.set(row.id, group);
    }
    if (row.userId && row.email !== null) {
      const deactivated = row.deactivatedAt !== null;
      group.members.push({ id: row.userId, email: row.email, firstName: row.firstName ?? "", lastName: row.lastName ?? "", deactivated });
      if (!deactivated) group.memberCount++;
    }
  }
  const collator = nameCollator(ctx.actor.locale);
  const list = [...byId.values()];
  for (const group of list) group.members.sort(comparePeople(collator));
  return list.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || collator.compare(a.name, b.name));
}
