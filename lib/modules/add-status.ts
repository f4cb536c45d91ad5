import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { statuses, type StatusGroup } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { assertStatusNameFree, lockModule } from "./lock";
import { colorSchema, idSchema, nameSchema, statusGroupSchema } from "./schemas";
import { statusPalette } from "./starter-pipeline";

export const addStatusSchema = z.object({
  moduleId: idSchema,
  name: nameSchema,
  group: statusGroupSchema.default("open"),
  color: colorSchema.optional(),
});
export type AddStatusInput = z.input<typeof addStatusSchema>;

/** Adds a status at the end of a module's pipeline; without a colour it gets the next one of the palette. */
export async function addStatus(
  ctx: Ctx,
  input: AddStatusInput,
): Promise<{ statusId: string; moduleId: string; name: string; group: StatusGroup; color: string; position: number }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId, name, group, color } = addStatusSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await lockModule(tx, moduleId, { active: true });
    await assertStatusNameFree(tx, moduleId, name);
    const [{ count, next }] = await tx
      .select({ count: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${statuses.position}) + 1, 0)::int` })
      .from(statuses)
      .where(eq(statuses.moduleId, moduleId));
    const chosen = color ?? statusPalette[count % statusPalette.length];
    const [status] = await tx.insert(statuses).values({ moduleId, name, group, color: chosen, position: next }).returning({ id: statuses.id });
    return { statusId: status.id, moduleId, name, group, color: chosen, position: next };
  });
}
