import { cards, fields, modules, organisation, statuses, users, type Role } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Ctx } from "@/lib/actions/safe-action";
import type { Actor } from "@/lib/auth/permissions";

/** For tests: the organisation row, in the given default language. */
export async function seedOrganisation(db: Db, defaultLocale: "hu" | "en" = "hu"): Promise<void> {
  await db.insert(organisation).values({ name: "Acme Kft.", defaultLocale });
}

/** For tests: inserts a user and returns them as an actor. */
export async function seedActor(db: Db, role: Role = "admin", email = `${role}@acme.test`): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, role, firstName: "Test", lastName: "User" }).returning();
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role, locale: null, groupIds: [] };
}

export const ctxFor = (db: Db, actor: Actor, now: Date): Ctx => ({ actor, db, now });

/** Everything the module verbs write (and the cards they must not touch), to assert that a call changed nothing. */
export async function snapshot(db: Db) {
  return {
    modules: await db.select().from(modules).orderBy(modules.id),
    statuses: await db.select().from(statuses).orderBy(statuses.id),
    fields: await db.select().from(fields).orderBy(fields.id),
    cards: await db.select().from(cards).orderBy(cards.id),
  };
}
