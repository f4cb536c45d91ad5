import { and, eq, isNotNull } from "drizzle-orm";
import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { forbidden, notFound } from "@/lib/errors";
import { viewIdSchema } from "./view-input";
import { canRestoreView, canSeeView } from "./view-permissions";
import { freeViewName, lockModuleViews, nextViewPosition } from "./view-store";

/**
 * Brings a view back from the trash, at the end of its group. Its creator may; for a shared view also
 * whoever may restore from the trash. Someone else's private view is "view_not_found" here too. If a
 * live view took its name meanwhile, it comes back as "Name (2)".
 */
export async function restoreView({ actor, db, now }: Ctx, raw: { viewId: string }): Promise<{ viewId: string; moduleId: string; version: number; name: string }> {
  const { viewId } = viewIdSchema.parse(raw);
  const [view] = await db.select().from(views).where(and(eq(views.id, viewId), isNotNull(views.deletedAt)));
  if (!view || !canSeeView(actor, view)) throw notFound("view_not_found");
  if (!canRestoreView(actor, view)) throw forbidden();
  return db.transaction(async (tx) => {
    await lockModuleViews(tx, view.moduleId);
    const name = await freeViewName(tx, view.moduleId, view, view.name);
    const version = view.version + 1;
    const restored = await tx
      .update(views)
      .set({ deletedAt: null, deletedById: null, name, position: await nextViewPosition(tx, view.moduleId, view), version, updatedAt: now })
      .where(and(eq(views.id, view.id), isNotNull(views.deletedAt)))
      .returning({ id: views.id });
    // Restored by someone else meanwhile.
    if (restored.length === 0) throw notFound("view_not_found");
    return { viewId: view.id, moduleId: view.moduleId, version, name };
  });
}
