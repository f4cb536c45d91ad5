import { eq } from "drizzle-orm";
import { z } from "zod";
import { fields } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { lockField } from "./lock";
import { idSchema } from "./schemas";

export const fieldIdInputSchema = z.object({ fieldId: idSchema });
export type FieldIdInput = z.input<typeof fieldIdInputSchema>;

type Result = { fieldId: string; moduleId: string; changed: boolean };

/**
 * Archives a field: it leaves card forms and lists, but every card keeps its value, which comes
 * back when the field is restored.
 */
export async function archiveField(ctx: Ctx, input: FieldIdInput): Promise<Result> {
  return setArchived(ctx, input, true);
}

/** Brings an archived field back, in its old place, with the values cards kept. */
export async function restoreField(ctx: Ctx, input: FieldIdInput): Promise<Result> {
  return setArchived(ctx, input, false);
}

async function setArchived(ctx: Ctx, input: FieldIdInput, archive: boolean): Promise<Result> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { fieldId } = fieldIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { field } = await lockField(tx, fieldId);
    const result = { fieldId, moduleId: field.moduleId };
    if ((field.archivedAt !== null) === archive) return { ...result, changed: false };
    await tx.update(fields).set({ archivedAt: archive ? ctx.now : null }).where(eq(fields.id, fieldId));
    return { ...result, changed: true };
  });
}
