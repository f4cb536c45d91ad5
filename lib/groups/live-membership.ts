import { and, eq, isNotNull, notExists, sql, type SQL } from "drizzle-orm";
import { groupMembers, groups, users } from "@/db/schema";

/**
 * The join condition from users to their memberships that still scope something: an archived group
 * scopes nothing, as at sign-in. One rule for the session (lib/auth/session-user.ts) and for checking
 * other users' card visibility (lib/cards/list-card-users.ts).
 */
export function liveMembershipOfUser(): SQL {
  const archived = sql`(select 1 from ${groups} where ${and(eq(groups.id, groupMembers.groupId), isNotNull(groups.archivedAt))})`;
  return and(eq(groupMembers.userId, users.id), notExists(archived))!;
}
