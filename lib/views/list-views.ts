import { and, asc, desc, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { views } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { canEditView } from "./view-permissions";

export type ViewSummary = {
  id: string;
  name: string;
  shared: boolean;
  createdById: string;
  canEdit: boolean;
  position: number;
  /** For a rename from the switcher: the version it saw (optimistic concurrency). */
  version: number;
};

/**
 * The module's switcher: its live shared views, then the actor's own private ones, each group in
 * `position` order (positions count within a group: shared views are ordered for everyone, private
 * ones by their creator).
 */
export async function listViews(db: Db, actor: Actor, moduleId: string): Promise<ViewSummary[]> {
  if (!can(actor, "cards.view") || !z.uuid().safeParse(moduleId).success) return [];
  const rows = await db
    .select({ id: views.id, name: views.name, shared: views.shared, createdById: views.createdById, position: views.position, version: views.version })
    .from(views)
    .where(and(eq(views.moduleId, moduleId), isNull(views.deletedAt), or(eq(views.shared, true), eq(views.createdById, actor.id))))
    .orderBy(desc(views.shared), asc(views.position), asc(views.id));
  return rows.map((r) => ({ ...r, canEdit: canEditView(actor, r) }));
}
