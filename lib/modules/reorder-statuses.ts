import { eq } from "drizzle-orm";
import { z } from "zod";
import { statuses } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { assertSameIds, lockModule } from "./lock";
import { idListSchema, idSchema } from "./schemas";

export const reorderStatusesSchema = z.object({ moduleId: idSchema, statusIds: idListSchema });
export type ReorderStatusesInput = z.input<typeof reorderStatusesSchema>;

/**
 * Puts a module's statuses in the given order (the pipeline's order). The list must hold each of
 * the module's statuses exactly once, archived ones included; an out-of-date list is "stale_order".
 */
export async function reorderStatuses(ctx: Ctx, input: ReorderStatusesInput): Promise<{ moduleId: string; statusIds: string[] }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId, statusIds } = reorderStatusesSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockModule(tx, moduleId, { active: true });
    const current = await tx.select({ id: statuses.id, position: statuses.position }).from(statuses).where(eq(statuses.moduleId, moduleId));
    assertSameIds(
      current.map((s) => s.id),
      statusIds,
    );
    const before = new Map(current.map((s) => [s.id, s.position]));
    for (const [position, id] of statusIds.entries()) {
      if (before.get(id) !== position) await tx.update(statuses).set({ position }).where(eq(statuses.id, id));
    }
    return { moduleId, statusIds };
  });
}
