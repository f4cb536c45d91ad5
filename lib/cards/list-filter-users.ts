import { isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { comparePeople, nameCollator } from "@/lib/users/compare-names";
import { personName } from "./list-cards";

/** The card list's user dropdown: every active user (anyone can be a todo's assignee), by name. */
export async function listFilterUsers(db: Db, locale: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(users)
    .where(isNull(users.deactivatedAt));
  return rows.sort(comparePeople(nameCollator(locale))).map((u) => ({ id: u.id, name: personName(u) }));
}
