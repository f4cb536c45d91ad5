import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, fields, groupMembers, groups, modules, organisation, statuses, todos, users, type FieldType, type Role, type TodoType } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import type { Actor } from "@/lib/auth/permissions";
import { refreshCardTodos } from "@/lib/todos/refresh-card-todos";

/** For tests: an organisation in Budapest, users by role (with groups), and a module with a pipeline and fields. */
export async function seedCrm(db: Db) {
  await db.insert(organisation).values({ id: 1, name: "Test Kft.", timeZone: "Europe/Budapest", defaultLocale: "en" });
  const [hu, ro] = await db.insert(groups).values([{ name: "Hungary" }, { name: "Romania" }]).returning();

  async function user(role: Role, email: string, groupIds: string[] = []): Promise<Actor> {
    const [u] = await db.insert(users).values({ email, role, firstName: email.split("@")[0], lastName: "Test" }).returning();
    if (groupIds.length) await db.insert(groupMembers).values(groupIds.map((groupId) => ({ groupId, userId: u.id })));
    return { id: u.id, email, firstName: u.firstName, lastName: u.lastName, role, locale: null, groupIds };
  }
  const actors = {
    admin: await user("admin", "admin@test.hu"),
    manager: await user("manager", "manager@test.hu"),
    normal: await user("normal", "normal@test.hu", [hu.id]),
    restricted: await user("restricted", "restricted@test.hu", [hu.id]),
    otherRestricted: await user("restricted", "other@test.hu", [ro.id]),
    groupManagerHu: await user("group_manager", "gm-hu@test.hu", [hu.id]),
    groupRestrictedRo: await user("group_restricted", "gr-ro@test.hu", [ro.id]),
  };

  const [module] = await db.insert(modules).values({ name: "Sales HU" }).returning();
  const [lead, offer, won, lost] = await db
    .insert(statuses)
    .values([
      { moduleId: module.id, name: "New lead", group: "open", position: 0 },
      { moduleId: module.id, name: "Offer sent", group: "open", position: 1 },
      { moduleId: module.id, name: "Won", group: "won", position: 2 },
      { moduleId: module.id, name: "Lost", group: "lost", position: 3 },
    ])
    .returning();
  const field = async (name: string, type: FieldType, extra: Partial<typeof fields.$inferInsert> = {}) =>
    (await db.insert(fields).values({ moduleId: module.id, name, type, ...extra }).returning())[0];
  const moduleFields = {
    budget: await field("Budget", "money", { options: { currency: "HUF" } }),
    source: await field("Source", "select", { options: { choices: [{ id: "web", label: "Web" }, { id: "fair", label: "Fair" }] } }),
    website: await field("Website", "url"),
  };
  return { actors, groups: { hu, ro }, module, statuses: { lead, offer, won, lost }, fields: moduleFields };
}

export const ctx = (db: Db, actor: Actor, now = new Date("2026-05-04T10:00:00Z")): Ctx => ({ actor, db, now });

/**
 * A todo row written straight into the table, skipping createTodo's rules — e.g. a todo assigned to
 * someone who cannot see the card, as older data (or a later role change) can leave behind — so
 * scoping tests can prove the lists hide it anyway. Keeps the card's denormalised todo columns.
 */
export async function seedTodoRow(
  db: Db,
  { cardId, assigneeId, deadline, text, type = "call" }: { cardId: string; assigneeId: string; deadline: Date; text: string; type?: TodoType },
): Promise<string> {
  const [card] = await db.select({ moduleId: cards.moduleId }).from(cards).where(eq(cards.id, cardId));
  const [todo] = await db.insert(todos).values({ cardId, moduleId: card.moduleId, assigneeId, deadline, text, type }).returning({ id: todos.id });
  await refreshCardTodos(db, cardId);
  return todo.id;
}
