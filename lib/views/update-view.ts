import { and, eq, isNull } from "drizzle-orm";
import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { conflict, forbidden } from "@/lib/errors";
import { checkViewAgainstModule } from "./check-view";
import { parseViewDefinition } from "./definition";
import { updateViewSchema, type UpdateViewInput } from "./view-input";
import { canCreateShared } from "./view-permissions";
import { assertViewNameFree, getLiveViewOrThrow, getModuleOrThrow, lockModuleViews, nextViewPosition } from "./view-store";

const changed = (version: number) => conflict("view_changed", {}, { currentVersion: version });

/**
 * Changes a view's name, sharing and/or definition (a rename is a name alone). The caller sends the
 * version it started from; if someone saved in between, nothing is written ("view_changed").
 * Only the creator shares or unshares a view: unsharing someone else's would take it from everyone,
 * the one who did it included. A view that changes group goes to the end of its new one.
 */
export async function updateView({ actor, db, now }: Ctx, raw: UpdateViewInput): Promise<{ viewId: string; moduleId: string; version: number }> {
  const input = updateViewSchema.parse(raw);
  const view = await getLiveViewOrThrow(db, actor, input.viewId, input.moduleId);
  if (!view.canEdit) throw forbidden();
  if (view.version !== input.version) throw changed(view.version);

  const shared = input.shared ?? view.shared;
  if (shared !== view.shared && (view.createdById !== actor.id || (shared && !canCreateShared(actor)))) throw forbidden();
  const name = input.name ?? view.name;
  let definition = view.definition;
  if (input.definition !== undefined) {
    definition = parseViewDefinition(input.definition);
    checkViewAgainstModule(definition, await getModuleOrThrow(db, view.moduleId), view.definition);
  }
  const same = name === view.name && shared === view.shared && JSON.stringify(definition) === JSON.stringify(view.definition);
  if (same) return { viewId: view.id, moduleId: view.moduleId, version: view.version };

  const group = { shared, createdById: view.createdById };
  return db.transaction(async (tx) => {
    await lockModuleViews(tx, view.moduleId);
    if (name.toLowerCase() !== view.name.toLowerCase() || shared !== view.shared) await assertViewNameFree(tx, view.moduleId, group, name, view.id);
    const position = shared === view.shared ? view.position : await nextViewPosition(tx, view.moduleId, group);
    const version = view.version + 1;
    const updated = await tx
      .update(views)
      .set({ name, shared, definition, position, version, updatedAt: now })
      .where(and(eq(views.id, view.id), eq(views.version, input.version), isNull(views.deletedAt)))
      .returning({ id: views.id });
    // Saved or trashed by someone else between our read and the lock.
    if (updated.length === 0) throw changed(version);
    return { viewId: view.id, moduleId: view.moduleId, version };
  });
}
