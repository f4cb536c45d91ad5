import { sql } from "drizzle-orm";
import { z } from "zod";
import { modules, statuses } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { nameSchema } from "./schemas";
import { starterPipeline } from "./starter-pipeline";

export const createModuleSchema = z.object({ name: nameSchema });
export type CreateModuleInput = z.input<typeof createModuleSchema>;

/**
 * A new module, last in the navigation, with a starter pipeline (three open statuses, won, lost) in
 * the organisation's default language, so cards can be created in it at once. Module names are
 * unique whatever their case, archived modules included ("module_name_taken").
 */
export async function createModule(ctx: Ctx, input: CreateModuleInput): Promise<{ moduleId: string; name: string; statusIds: string[] }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { name } = createModuleSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const org = await getOrganisation(tx);
    const [mod] = await tx
      .insert(modules)
      .values({ name, createdAt: ctx.now, position: sql`(select coalesce(max(${modules.position}) + 1, 0) from ${modules})` })
      .onConflictDoNothing()
      .returning({ id: modules.id });
    if (!mod) throw conflict("module_name_taken", { name: "module_name_taken" });
    const created = await tx
      .insert(statuses)
      .values(starterPipeline(org?.defaultLocale ?? "hu").map((s, position) => ({ ...s, moduleId: mod.id, position })))
      .returning({ id: statuses.id, position: statuses.position });
    return { moduleId: mod.id, name, statusIds: created.sort((a, b) => a.position - b.position).map((s) => s.id) };
  });
}
