import { eq } from "drizzle-orm";
import { z } from "zod";
import { statuses } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { assertStatusNameFree, lockStatus } from "./lock";
import { colorSchema, idSchema, nameSchema, statusGroupSchema } from "./schemas";

export const updateStatusSchema = z.object({
  statusId: idSchema,
  name: nameSchema.optional(),
  group: statusGroupSchema.optional(),
  color: colorSchema.optional(),
});
export type UpdateStatusInput = z.input<typeof updateStatusSchema>;

type Changes = Partial<Pick<typeof statuses.$inferSelect, "name" | "group" | "color">>;

/**
 * Renames a status, moves it to another group (open / won / lost) or recolours it; what is not
 * given stays. Cards keep pointing at it, so nothing is lost. Archived statuses are restored first.
 */
export async function updateStatus(ctx: Ctx, input: UpdateStatusInput): Promise<{ statusId: string; moduleId: string; changed: Changes }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { statusId, ...wanted } = updateStatusSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { status } = await lockStatus(tx, statusId);
    if (status.archivedAt) throw conflict("status_archived");
    const changed: Changes = {};
    if (wanted.name !== undefined && wanted.name !== status.name) changed.name = wanted.name;
    if (wanted.group !== undefined && wanted.group !== status.group) changed.group = wanted.group;
    if (wanted.color !== undefined && wanted.color !== status.color) changed.color = wanted.color;
    if (changed.name !== undefined) await assertStatusNameFree(tx, status.moduleId, changed.name, statusId);
    if (Object.keys(changed).length > 0) await tx.update(statuses).set(changed).where(eq(statuses.id, statusId));
    return { statusId, moduleId: status.moduleId, changed };
  });
}
