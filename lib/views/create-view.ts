import { views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { conflict, forbidden } from "@/lib/errors";
import { checkViewAgainstModule } from "./check-view";
import { parseViewDefinition } from "./definition";
import { createViewSchema, type CreateViewInput } from "./view-input";
import { canCreateShared, canCreateView } from "./view-permissions";
import { assertViewNameFree, getModuleOrThrow, lockModuleViews, nextViewPosition } from "./view-store";

/**
 * Saves a new view at the end of its switcher group: private to the actor, or shared (not for the
 * Restricted roles). The definition is checked as JSON and against the module; nothing is saved
 * when anything is wrong.
 */
export async function createView({ actor, db, now }: Ctx, raw: CreateViewInput): Promise<{ viewId: string; moduleId: string; version: number }> {
  if (!canCreateView(actor)) throw forbidden();
  const input = createViewSchema.parse(raw);
  if (input.shared && !canCreateShared(actor)) throw forbidden();
  const config = await getModuleOrThrow(db, input.moduleId);
  if (config.archived) throw conflict("module_archived");
  const definition = parseViewDefinition(input.definition);
  checkViewAgainstModule(definition, config);

  const group = { shared: input.shared, createdById: actor.id };
  return db.transaction(async (tx) => {
    await lockModuleViews(tx, config.id);
    await assertViewNameFree(tx, config.id, group, input.name);
    const [row] = await tx
      .insert(views)
      .values({
        moduleId: config.id,
        name: input.name,
        createdById: actor.id,
        shared: input.shared,
        definition,
        position: await nextViewPosition(tx, config.id, group),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: views.id, version: views.version });
    return { viewId: row.id, moduleId: config.id, version: row.version };
  });
}
