import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { duplicateViewSchema, type DuplicateViewInput } from "./view-input";
import { canCreateShared } from "./view-permissions";
import { freeViewName, getLiveViewOrThrow, lockModuleViews, nextViewPosition } from "./view-store";

/**
 * Copies a view the actor may open into a new one of theirs, at the end of its group: a shared view's
 * copy is shared when the actor may share, otherwise (and for a private view) private. The name is
 * made free in that group ("Copy of X (2)"). The definition is copied as it is: a condition on a
 * field archived since stays readable in the copy as in the original.
 */
export async function duplicateView({ actor, db, now }: Ctx, raw: DuplicateViewInput): Promise<{ viewId: string; moduleId: string; version: number; name: string }> {
  const input = duplicateViewSchema.parse(raw);
  const source = await getLiveViewOrThrow(db, actor, input.viewId, input.moduleId);
  const group = { shared: source.shared && canCreateShared(actor), createdById: actor.id };
  return db.transaction(async (tx) => {
    await lockModuleViews(tx, source.moduleId);
    const name = await freeViewName(tx, source.moduleId, group, input.name);
    const [row] = await tx
      .insert(views)
      .values({
        moduleId: source.moduleId,
        name,
        createdById: actor.id,
        shared: group.shared,
        definition: source.definition,
        position: await nextViewPosition(tx, source.moduleId, group),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: views.id, version: views.version });
    return { viewId: row.id, moduleId: source.moduleId, version: row.version, name };
  });
}
