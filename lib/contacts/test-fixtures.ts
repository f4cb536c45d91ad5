import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, groupMembers, groups, modules, statuses, users, type Role } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import type { Actor } from "@/lib/auth/permissions";

/** For tests: a user row, returned as an actor (with their groups). */
export async function seedActor(db: Db, email: string, role: Role = "normal", groupIds: string[] = []): Promise<Actor> {
  const [user] = await db.insert(users).values({ email, role, firstName: email.split("@")[0], lastName: "Test" }).returning();
  for (const groupId of groupIds) await db.insert(groupMembers).values({ groupId, userId: user.id });
  return { id: user.id, email, firstName: user.firstName, lastName: user.lastName, role, locale: null, groupIds };
}

export async function seedGroup(db: Db, name: string): Promise<string> {
  const [group] = await db.insert(groups).values({ name }).returning({ id: groups.id });
  return group.id;
}

/** A module with one status; returns both ids. */
export async function seedModule(db: Db, name: string, position = 0) {
  const [module] = await db.insert(modules).values({ name, position }).returning({ id: modules.id });
  const [status] = await db
    .insert(statuses)
    .values({ moduleId: module.id, name: `${name} new`, color: "#16a34a" })
    .returning({ id: statuses.id });
  return { moduleId: module.id, statusId: status.id };
}

/** A card linked to the given contacts. */
export async function seedCard(
  db: Db,
  { name, module, ownerId = null, contactIds = [], deleted = false }: {
    name: string;
    module: { moduleId: string; statusId: string };
    ownerId?: string | null;
    contactIds?: string[];
    deleted?: boolean;
  },
): Promise<string> {
  const [card] = await db
    .insert(cards)
    .values({ name, moduleId: module.moduleId, statusId: module.statusId, ownerId, searchText: name.toLowerCase(), deletedAt: deleted ? new Date() : null })
    .returning({ id: cards.id });
  if (contactIds.length > 0) await db.insert(cardContacts).values(contactIds.map((contactId, position) => ({ cardId: card.id, contactId, position })));
  return card.id;
}

export const ctxFor = (db: Db, actor: Actor, now = new Date("2026-11-27T10:00:00Z")): Ctx => ({ actor, db, now });

/** A contact row straight into the table (no permission checks): a company, or a person of `companyId`. */
export async function seedContact(
  db: Db,
  { name, email, taxNumber = "", companyId = null }: { name: string; email?: string; taxNumber?: string; companyId?: string | null },
): Promise<string> {
  const kind = companyId ? "person" : "company";
  const [contact] = await db
    .insert(contacts)
    .values({ kind, name, lastName: kind === "person" ? name : "", companyId, emails: email ? [email] : [], taxNumber })
    .returning({ id: contacts.id });
  return contact.id;
}
