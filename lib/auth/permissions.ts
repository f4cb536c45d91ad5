import type { Role } from "@/db/schema";

export type Actor = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  locale: "hu" | "en" | null;
  groupIds: string[];
};

/** Every action the permission module knows. Which cards an action may touch is decided by lib/cards/scope.ts. */
export const actions = [
  "settings.view",
  "users.invite",
  "users.change_role",
  "users.deactivate",
  "users.reactivate",
  "users.reset_password",
  "groups.manage",
  "reports.view",
  /** The reporting currency and the exchange rates reports convert with (Settings → Reports). */
  "reports.configure",
  "contacts.view",
  "todos.view",
  "profile.update",
  "modules.manage",
  "cards.view",
  "cards.create",
  "cards.update",
  "cards.trash",
  "todos.manage",
  "contacts.update",
  "contacts.trash",
  "trash.view",
  "trash.restore",
  /** Write, edit and trash a module's email and todo templates (SPEC §7). */
  "templates.manage",
  /** Email a contact of a card the actor can see (SPEC §3, §7). */
  "email.send",
  /** Bulk email from a view; group managers only to their groups' cards (lib/cards/scope.ts). */
  "email.bulk_send",
  /** The outbox of undelivered emails, retrying failed ones, and the unsubscribe list. */
  "email.admin",
  /** A module's automations (SPEC §8): build, activate, switch off; group managers only over their groups' cards (automations.scopeGroupIds). */
  "automations.manage",
  /** See documents: those attached to a card the actor can see (lib/cards/scope.ts), and a module's own (not attached) ones for the roles that see every card. */
  "documents.view",
  /** Upload a document to a card the actor can see, or take it off again (to the trash). */
  "documents.attach",
  /** A module's Documents page: folders, upload, move, copy, public links, trash (SPEC §9). */
  "documents.manage",
  /** Import cards into a module, or contacts, from a spreadsheet; undo an import (SPEC §10). */
  "imports.run",
  /** The full export of all data (SPEC §1, §10), and the list of past exports. */
  "exports.run",
] as const;
export type Action = (typeof actions)[number];

/** What an action is about, where it matters (e.g. whose profile). */
export type Resource = { userId?: string };

const adminOnly: Role[] = ["admin"];
const everyone: Role[] = ["admin", "manager", "normal", "restricted", "group_manager", "group_restricted"];
const unrestricted: Role[] = ["admin", "manager", "normal", "group_manager"];
const managers: Role[] = ["admin", "manager", "group_manager"];

const allowed: Record<Action, Role[]> = {
  "settings.view": adminOnly,
  "users.invite": adminOnly,
  "users.change_role": adminOnly,
  "users.deactivate": adminOnly,
  "users.reactivate": adminOnly,
  "users.reset_password": adminOnly,
  "groups.manage": adminOnly,
  "reports.view": ["admin", "manager", "group_manager"],
  "reports.configure": adminOnly,
  "contacts.view": everyone,
  "todos.view": everyone,
  "profile.update": everyone,
  "modules.manage": adminOnly,
  "cards.view": everyone,
  "cards.create": everyone,
  "cards.update": everyone,
  "cards.trash": unrestricted,
  "todos.manage": everyone,
  "contacts.update": everyone,
  "contacts.trash": unrestricted,
  "trash.view": managers,
  "trash.restore": managers,
  "templates.manage": ["admin", "manager"],
  "email.send": everyone,
  "email.bulk_send": managers,
  "email.admin": adminOnly,
  "automations.manage": managers,
  "documents.view": everyone,
  "documents.attach": everyone,
  "documents.manage": managers,
  "imports.run": ["admin", "manager"],
  "exports.run": adminOnly,
};

export function can(actor: Pick<Actor, "id" | "role">, action: Action, resource: Resource = {}): boolean {
  if (!allowed[action].includes(actor.role)) return false;
  // A profile is its owner's own business; admins manage other users through the settings actions.
  if (action === "profile.update") return resource.userId === undefined || resource.userId === actor.id;
  return true;
}
