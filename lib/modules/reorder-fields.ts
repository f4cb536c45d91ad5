import { eq } from "drizzle-orm";
import { z } from "zod";
import { fields } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { assertSameIds, lockModule } from "./lock";
import { idListSchema, idSchema } from "./schemas";

export const reorderFieldsSchema = z.object({ moduleId: idSchema, fieldIds: idListSchema });
export type ReorderFieldsInput = z.input<typeof reorderFieldsSchema>;

/**
 * Puts a module's fields in the given order (the order of card forms and pages). The list must hold
 * each of the module's fields exactly once, archived ones included; an out-of-date list is "stale_order".
 */
export async function reorderFields(ctx: Ctx, input: ReorderFieldsInput): Promise<{ moduleId: string; fieldIds: string[] }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId, fieldIds } = reorderFieldsSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockModule(tx, moduleId, { active: true });
    const current = await tx.select({ id: fields.id, position: fields.position }).from(fields).where(eq(fields.moduleId, moduleId));
    assertSameIds(
      current.map((f) => f.id),
      fieldIds,
    );
    const before = new Map(current.map((f) => [f.id, f.position]));
    for (const [position, id] of fieldIds.entries()) {
      if (before.get(id) !== position) await tx.update(fields).set({ position }).where(eq(fields.id, id));
    }
    return { moduleId, fieldIds };
  });
}
