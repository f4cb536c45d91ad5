import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/org/organisation";

export async function setUserLocale(db: Db, userId: string, locale: Locale, now: Date): Promise<void> {
  await db.update(users).set({ locale, updatedAt: now }).where(eq(users.id, userId));
}
