import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** A user's row (without the password hash), locked until the transaction ends; "not_found" if none. */
export async function getUserForUpdateOrThrow(db: Db, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      sessionVersion: users.sessionVersion,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) throw notFound();
  return user;
}
