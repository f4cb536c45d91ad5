import { and, eq, isNull, sql } from "drizzle-orm";
import { groupMembers, groups, users, userTokens, type Role } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { comparePeople, nameCollator } from "./compare-names";

/** invited: has not set a password yet; deactivated: no access, still listed with their history. */
export type UserStatus = "active" | "invited" | "deactivated";

export type UserListItem = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  createdAt: Date;
  deactivatedAt: Date | null;
  /** When the newest unused invitation link expires (invited users only; null: none was issued). */
  invitationExpiresAt: Date | null;
  /** Non-archived groups, by name. */
  groups: { id: string; name: string }[];
};

/** Every user, active and invited ones first, then by name; with their groups, in one query. */
export async function listUsers(ctx: Ctx): Promise<UserListItem[]> {
  if (!can(ctx.actor, "settings.view")) throw forbidden();
  const invitationExpiresAt = sql`(
    select max(${userTokens.expiresAt}) from ${userTokens}
    where ${userTokens.userId} = ${users.id} and ${userTokens.kind} = 'invitation' and ${userTokens.usedAt} is null
  )`.mapWith(userTokens.expiresAt);
  const rows = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
      invitationExpiresAt,
      groupId: groups.id,
      groupName: groups.name,
    })
    .from(users)
    .leftJoin(groupMembers, eq(groupMembers.userId, users.id))
    .leftJoin(groups, and(eq(groups.id, groupMembers.groupId), isNull(groups.archivedAt)));

  const byId = new Map<string, UserListItem>();
  for (const row of rows) {
    let user = byId.get(row.id);
    if (!user) {
      const status: UserStatus = row.deactivatedAt ? "deactivated" : row.hasPassword ? "active" : "invited";
      user = {
        id: row.id,
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        role: row.role,
        status,
        createdAt: row.createdAt,
        deactivatedAt: row.deactivatedAt,
        invitationExpiresAt: status === "invited" ? (row.invitationExpiresAt ?? null) : null,
        groups: [],
      };
      byId.set(row.id, user);
    }
    if (row.groupId && row.groupName !== null) user.groups.push({ id: row.groupId, name: row.groupName });
  }
  const collator = nameCollator(ctx.actor.locale);
  const byName = comparePeople(collator);
  const list = [...byId.values()];
  for (const user of list) user.groups.sort((a, b) => collator.compare(a.name, b.name));
  return list.sort((a, b) => Number(a.status === "deactivated") - Number(b.status === "deactivated") || byName(a, b));
}
