import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { modules } from "@/db/schema";
import { isUniqueViolation } from "@/db/unique-violation";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { lockModule } from "./lock";
import { idSchema, nameSchema } from "./schemas";

export const renameModuleSchema = z.object({ moduleId: idSchema, name: nameSchema });
export type RenameModuleInput = z.input<typeof renameModuleSchema>;

/** Renames a module (a change of case only is fine); another module's name is "module_name_taken". */
export async function renameModule(ctx: Ctx, input: RenameModuleInput): Promise<{ moduleId: string; name: string; previousName: string }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId, name } = renameModuleSchema.parse(input);
  const taken = () => conflict("module_name_taken", { name: "module_name_taken" });
  try {
    return await ctx.db.transaction(async (tx) => {
      const mod = await lockModule(tx, moduleId);
      const [other] = await tx
        .select({ id: modules.id })
        .from(modules)
        .where(and(eq(sql`lower(${modules.name})`, name.toLowerCase()), ne(modules.id, moduleId)));
      if (other) throw taken();
      await tx.update(modules).set({ name }).where(eq(modules.id, moduleId));
      return { moduleId, name, previousName: mod.name };
    });
  } catch (error) {
    // Another rename or creation took the name between the check and the update.
    if (isUniqueViolation(error, "modules_name_unique")) throw taken();
    throw error;
  }
}
