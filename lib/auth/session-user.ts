import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, users } from "@/db/schema";
import { liveMembershipOfUser } from "@/lib/groups/live-membership";
import type { Actor } from "./permissions";

/**
 * The user behind a session token, or null when the session is void: the user was deactivated,
 * or their role or password changed since the token was issued (sessionVersion moved on).
 * Used by every request (pages, actions, routes) and by the socket handshake.
 */
export async function loadSessionUser(db: Db, userId: string, sessionVersion: number): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      groupId: groupMembers.groupId,
    })
    .from(users)
    .leftJoin(groupMembers, liveMembershipOfUser())
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  const [first] = rows;
  if (!first || first.sessionVersion !== sessionVersion) return null;
  return {
    id: first.id,
    email: first.email,
    firstName: first.firstName,
    lastName: first.lastName,
    role: first.role,
    locale: first.locale,
    groupIds: rows.flatMap((r) => (r.groupId ? [r.groupId] : [])),
  };
}
