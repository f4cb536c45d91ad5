import { eq } from "drizzle-orm";
import { z } from "zod";
import { modules } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { assertSameIds } from "./lock";
import { idListSchema } from "./schemas";

export const reorderModulesSchema = z.object({ moduleIds: idListSchema });
export type ReorderModulesInput = z.input<typeof reorderModulesSchema>;

/**
 * Puts the modules in the given order (the order of the navigation). The list must hold every
 * module exactly once, archived ones included; an out-of-date list is "stale_order".
 */
export async function reorderModules(ctx: Ctx, input: ReorderModulesInput): Promise<{ moduleIds: string[] }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleIds } = reorderModulesSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    // Locks every module row, so two reorders (or a reorder and a creation's position) do not interleave.
    const current = await tx.select({ id: modules.id, position: modules.position }).from(modules).for("update");
    assertSameIds(
      current.map((m) => m.id),
      moduleIds,
    );
    const before = new Map(current.map((m) => [m.id, m.position]));
    for (const [position, id] of moduleIds.entries()) {
      if (before.get(id) !== position) await tx.update(modules).set({ position }).where(eq(modules.id, id));
    }
    return { moduleIds };
  });
}
