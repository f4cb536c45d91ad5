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

/** Every action the permission module knows. Later issues add card, todo and report actions here. */
export const actions = [
  "settings.view",
  "users.invite",
  "users.change_role",
  "users.deactivate",
  "users.reactivate",
  "users.reset_password",
  "groups.manage",
  "reports.view",
  "contacts.view",
  "todos.view",
  "profile.update",
] as const;
export type Action = (typeof actions)[number];

/** What an action is about, where it matters (e.g. whose profile). */
export type Resource = { userId?: string };

const adminOnly: Role[] = ["admin"];
const everyone: Role[] = ["admin", "manager", "normal", "restricted", "group_manager", "group_restricted"];

const allowed: Record<Action, Role[]> = {
  "settings.view": adminOnly,
  "users.invite": adminOnly,
  "users.change_role": adminOnly,
  "users.deactivate": adminOnly,
  "users.reactivate": adminOnly,
  "users.reset_password": adminOnly,
  "groups.manage": adminOnly,
  "reports.view": ["admin", "manager", "group_manager"],
  "contacts.view": everyone,
  "todos.view": everyone,
  "profile.update": everyone,
};

export function can(actor: Pick<Actor, "id" | "role">, action: Action, resource: Resource = {}): boolean {
  if (!allowed[action].includes(actor.role)) return false;
  // A profile is its owner's own business; admins manage other users through the settings actions.
  if (action === "profile.update") return resource.userId === undefined || resource.userId === actor.id;
  return true;
}
