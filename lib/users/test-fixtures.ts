import { groupMembers, groups, users, userTokens, type Role } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Ctx } from "@/lib/actions/safe-action";
import type { Actor } from "@/lib/auth/permissions";

/** For tests: inserts a user and returns them as an actor. */
export async function seedUser(
  db: Db,
  { email, role = "normal", passwordHash = null, firstName = "Test", lastName = "User" }: {
    email: string;
    role?: Role;
    passwordHash?: string | null;
    firstName?: string;
    lastName?: string;
  },
): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, role, passwordHash, firstName, lastName }).returning();
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role, locale: null, groupIds: [] };
}

export const ctxFor = (db: Db, actor: Actor, now: Date): Ctx => ({ actor, db, now });

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 24 * 3600_000;
export const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** Everything the users and groups verbs write, to assert that a refused call changed nothing. */
export async function snapshot(db: Db) {
  return {
    users: await db.select().from(users).orderBy(users.id),
    tokens: await db.select().from(userTokens).orderBy(userTokens.id),
    groups: await db.select().from(groups).orderBy(groups.id),
    members: await db.select().from(groupMembers).orderBy(groupMembers.groupId, groupMembers.userId),
  };
}
