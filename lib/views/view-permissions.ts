import { eq, or, type SQL } from "drizzle-orm";
import { views, type Role } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";

/** What the rules look at: whether a view is shared, and whose it is. */
export type ViewOwnership = { shared: boolean; createdById: string };

type Who = Pick<Actor, "id" | "role">;

/** The two Restricted roles keep their views to themselves: they see too little of the module to choose for others. */
const sharingRoles: readonly Role[] = ["admin", "manager", "group_manager", "normal"];
/**
 * Besides its creator, who may edit, rename, reorder and trash a shared view. A group manager is not
 * among them: views are not scoped by group, so editing everyone's would reach beyond their groups.
 */
const sharedViewEditors: readonly Role[] = ["admin", "manager"];

/** Anyone who sees cards may keep private views. */
export const canCreateView = (actor: Who): boolean => can(actor, "cards.view");

export const canCreateShared = (actor: Who): boolean => canCreateView(actor) && sharingRoles.includes(actor.role);

/** A shared view is everyone's (who sees the module); a private one only its creator's. */
export const canSeeView = (actor: Who, view: ViewOwnership): boolean => view.shared || view.createdById === actor.id;

/** Edit, rename, reorder, trash: a private view by its creator only; a shared one also by admins and managers. */
export const canEditView = (actor: Who, view: ViewOwnership): boolean =>
  view.createdById === actor.id || (view.shared && sharedViewEditors.includes(actor.role));

/** From the trash: its creator, and for a shared view whoever may restore from the trash. */
export const canRestoreView = (actor: Who, view: ViewOwnership): boolean =>
  view.createdById === actor.id || (view.shared && can(actor, "trash.restore"));

/** canRestoreView as a condition over `views` (the trash page's list). */
export function restorableViewsCondition(actor: Who): SQL {
  const own = eq(views.createdById, actor.id);
  return can(actor, "trash.restore") ? or(own, eq(views.shared, true))! : own;
}
