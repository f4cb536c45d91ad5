import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisation, views } from "@/db/schema";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import type { CardsInViewInput } from "@/lib/views/cards-in-view";
import type { AutomationRow } from "./qualify";

/**
 * The view question of a view automation: its live view's filter, read as the view's creator ("owner
 * is me" means them), in the organisation's zone. Null when the view is gone (trashed).
 */
export async function loadViewQuestion(db: Db, automation: AutomationRow, now: Date): Promise<CardsInViewInput | null> {
  if (!automation.viewId) return null;
  const [view] = await db
    .select()
    .from(views)
    .where(and(eq(views.id, automation.viewId), eq(views.moduleId, automation.moduleId), isNull(views.deletedAt)));
  if (!view) return null;
  const config = await getModuleConfigOrThrow(db, automation.moduleId);
  const [org] = await db.select({ timeZone: organisation.timeZone }).from(organisation).limit(1);
  return {
    moduleId: automation.moduleId,
    filter: view.definition.filter,
    ctx: { fields: new Map(config.fields.map((f) => [f.id, f])), viewerId: view.createdById, now, timeZone: org?.timeZone ?? "Europe/Budapest" },
  };
}
