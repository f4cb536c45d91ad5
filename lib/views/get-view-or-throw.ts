import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { views } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseViewDefinition, type ViewDefinition } from "./definition";
import { canEditView, canSeeView } from "./view-permissions";

export type ViewRow = typeof views.$inferSelect;
export type ViewRecord = Omit<ViewRow, "definition"> & { definition: ViewDefinition; canEdit: boolean };

/**
 * A live view of the module the actor may open, its definition parsed. Everything else is
 * "view_not_found" alike — an unknown or malformed id, another module's view, someone else's
 * private view, a trashed one — so a URL tells nobody what exists.
 */
export async function getViewOrThrow(db: Db, actor: Actor, moduleId: string, viewId: string): Promise<ViewRecord> {
  const missing = () => notFound("view_not_found");
  if (!can(actor, "cards.view") || !z.uuid().safeParse(viewId).success || !z.uuid().safeParse(moduleId).success) throw missing();
  const [row] = await db
    .select()
    .from(views)
    .where(and(eq(views.id, viewId), eq(views.moduleId, moduleId), isNull(views.deletedAt)));
  if (!row || !canSeeView(actor, row)) throw missing();
  return toViewRecord(actor, row);
}

export const toViewRecord = (actor: Actor, row: ViewRow): ViewRecord => ({
  ...row,
  definition: parseViewDefinition(row.definition),
  canEdit: canEditView(actor, row),
});
