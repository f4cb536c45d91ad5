import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { invalid } from "@/lib/errors";

/** Owners and assignees must be active users; `field` names the form field to flag. */
export async function assertActiveUser(db: Db, userId: string, field: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) throw invalid("inactive_user", { [field]: "inactive_user" });
}
