import { and, eq, isNull } from "drizzle-orm";
import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { forbidden } from "@/lib/errors";
import { viewIdSchema } from "./view-input";
import { getLiveViewOrThrow } from "./view-store";

/** Moves a view to the trash (never a hard delete): it leaves the switcher; its URL says "not found". */
export async function trashView({ actor, db, now }: Ctx, raw: { viewId: string; moduleId?: string }): Promise<{ viewId: string; moduleId: string; version: number }> {
  const input = viewIdSchema.parse(raw);
  const view = await getLiveViewOrThrow(db, actor, input.viewId, input.moduleId);
  if (!view.canEdit) throw forbidden();
  const version = view.version + 1;
  await db
    .update(views)
    .set({ deletedAt: now, deletedById: actor.id, version, updatedAt: now })
    .where(and(eq(views.id, view.id), isNull(views.deletedAt)));
  return { viewId: view.id, moduleId: view.moduleId, version };
}
