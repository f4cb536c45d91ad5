import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { comparePeople, nameCollator } from "@/lib/users/compare-names";

/** A user as cards show them: owner and assignee pickers, history entries. */
export type CardUser = { id: string; name: string; active: boolean };

/** "Last First" (the Hungarian order used everywhere in the app), or the email when no name was given. */
export const displayName = (u: { firstName: string | null; lastName: string | null; email: string | null }) =>
  `${u.lastName ?? ""} ${u.firstName ?? ""}`.trim() || (u.email ?? "");

/**
 * Every user, active ones first, then by name in the reader's language: pickers offer the active
 * ones; history still names deactivated people. One query.
 */
export async function listCardUsers(db: Db, locale: string | null = null): Promise<CardUser[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, deactivatedAt: users.deactivatedAt })
    .from(users)
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
  const byName = comparePeople(nameCollator(locale));
  return rows
    .sort((a, b) => Number(Boolean(a.deactivatedAt)) - Number(Boolean(b.deactivatedAt)) || byName(a, b))
    .map((u) => ({ id: u.id, name: displayName(u), active: !u.deactivatedAt }));
}
