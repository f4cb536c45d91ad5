import { eq } from "drizzle-orm";
import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { forbidden } from "@/lib/errors";
import { moveViewSchema, type MoveViewInput } from "./view-input";
import { getLiveViewOrThrow, groupViewIds, lockModuleViews } from "./view-store";

/**
 * Moves a view up or down one place, or to an index, within its switcher group (the shared views,
 * or the actor's private ones); the group is renumbered 0…n-1. Moving a shared view reorders it for
 * everyone, so it takes the right to edit it.
 */
export async function reorderViews({ actor, db }: Ctx, raw: MoveViewInput): Promise<{ viewId: string; moduleId: string; position: number }> {
  const input = moveViewSchema.parse(raw);
  const view = await getLiveViewOrThrow(db, actor, input.viewId, input.moduleId);
  if (!view.canEdit) throw forbidden();
  return db.transaction(async (tx) => {
    await lockModuleViews(tx, view.moduleId);
    const group = await groupViewIds(tx, view.moduleId, view);
    const from = group.findIndex((v) => v.id === view.id);
    const wanted = input.to === "up" ? from - 1 : input.to === "down" ? from + 1 : input.to;
    const to = Math.max(0, Math.min(group.length - 1, wanted));
    const ordered = group.filter((v) => v.id !== view.id);
    ordered.splice(to, 0, group[from]);
    // Only rows whose number changes are written (usually two).
    for (const [position, v] of ordered.entries()) {
      if (v.position !== position) await tx.update(views).set({ position }).where(eq(views.id, v.id));
    }
    return { viewId: view.id, moduleId: view.moduleId, position: to };
  });
}
