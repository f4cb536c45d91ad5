// TEMPORARY STAND-IN written by helper B (b-list) so the list pages run before C1's version lands.
// The lead takes C1's lib/views/get-view-or-throw.ts instead of this file; only the signature matters here.
import { and, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { views } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseViewDefinition, type ViewDefinition } from "./definition";

export type ViewRecord = Omit<typeof views.$inferSelect, "definition"> & { definition: ViewDefinition; canEdit: boolean };

/** A live view of this module the actor may open (shared, or their own private one), or NotFound "view_not_found". */
export async function getViewOrThrow(db: Db, actor: Actor, moduleId: string, viewId: string): Promise<ViewRecord> {
  if (!z.uuid().safeParse(viewId).success) throw notFound("view_not_found");
  const [row] = await db
    .select()
    .from(views)
    .where(and(eq(views.id, viewId), eq(views.moduleId, moduleId), isNull(views.deletedAt), or(eq(views.shared, true), eq(views.createdById, actor.id))));
  if (!row) throw notFound("view_not_found");
  const canEdit = row.createdById === actor.id || (row.shared && (actor.role === "admin" || actor.role === "manager"));
  return { ...row, definition: parseViewDefinition(row.definition), canEdit };
}
