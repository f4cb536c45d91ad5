import { eq } from "drizzle-orm";
import { z } from "zod";
import { modules } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { lockModule } from "./lock";
import { idSchema } from "./schemas";

export const moduleIdInputSchema = z.object({ moduleId: idSchema });
export type ModuleIdInput = z.input<typeof moduleIdInputSchema>;

/**
 * Archives a module: it leaves the navigation and can no longer be configured, but its cards,
 * statuses and fields stay untouched, and restoring brings it all back.
 */
export async function archiveModule(ctx: Ctx, input: ModuleIdInput): Promise<{ moduleId: string; changed: boolean }> {
  return setArchived(ctx, input, true);
}

/** Brings an archived module back, in its old place in the navigation. */
export async function restoreModule(ctx: Ctx, input: ModuleIdInput): Promise<{ moduleId: string; changed: boolean }> {
  return setArchived(ctx, input, false);
}

async function setArchived(ctx: Ctx, input: ModuleIdInput, archive: boolean) {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId } = moduleIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const mod = await lockModule(tx, moduleId);
    if ((mod.archivedAt !== null) === archive) return { moduleId, changed: false };
    await tx.update(modules).set({ archivedAt: archive ? ctx.now : null }).where(eq(modules.id, moduleId));
    return { moduleId, changed: true };
  });
}
