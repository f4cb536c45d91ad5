import { z } from "zod";
import type { Db } from "@/db/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { getLiveViewOrThrow, type ViewRecord } from "./view-store";

export type { ViewRecord, ViewRow } from "./view-store";

/**
 * A live view of the module the actor may open, its definition parsed. Everything else is
 * "view_not_found" alike — an unknown or malformed id, another module's view, someone else's
 * private view, a trashed one — so a URL tells nobody what exists.
 */
export async function getViewOrThrow(db: Db, actor: Actor, moduleId: string, viewId: string): Promise<ViewRecord> {
  if (!can(actor, "cards.view") || !z.uuid().safeParse(viewId).success || !z.uuid().safeParse(moduleId).success) throw notFound("view_not_found");
  return getLiveViewOrThrow(db, actor, viewId, moduleId);
}
