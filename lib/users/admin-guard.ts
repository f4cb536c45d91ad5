import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { conflict } from "@/lib/errors";

/**
 * Refuses a change that would leave the organisation without an active admin ("last_admin").
 * Locks the active admins' rows first, so two admins demoting or deactivating each other at the
 * same moment cannot both succeed: the second sees the first's change once it commits.
 */
export async function assertAnotherActiveAdmin(db: Db, userId: string): Promise<void> {
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(users.id)
    .for("update");
  const isAdmin = admins.some((a) => a.id === userId);
  if (isAdmin && admins.length < 2) throw conflict("last_admin");
}
