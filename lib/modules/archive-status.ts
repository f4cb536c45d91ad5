import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { statuses } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { lockStatus } from "./lock";
import { idSchema } from "./schemas";

export const statusIdInputSchema = z.object({ statusId: idSchema });
export type StatusIdInput = z.input<typeof statusIdInputSchema>;

type Result = { statusId: string; moduleId: string; changed: boolean };

/**
 * Archives a status: new cards can no longer be put in it, but cards already in it stay there,
 * untouched, and still show it. A module keeps at least one status ("last_status").
 */
export async function archiveStatus(ctx: Ctx, input: StatusIdInput): Promise<Result> {
  return setArchived(ctx, input, true);
}

/** Brings an archived status back, in its old place in the pipeline. */
export async function restoreStatus(ctx: Ctx, input: StatusIdInput): Promise<Result> {
  return setArchived(ctx, input, false);
}

async function setArchived(ctx: Ctx, input: StatusIdInput, archive: boolean): Promise<Result> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { statusId } = statusIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { status } = await lockStatus(tx, statusId);
    const result = { statusId, moduleId: status.moduleId };
    if ((status.archivedAt !== null) === archive) return { ...result, changed: false };
    if (archive) {
      const [{ others }] = await tx
        .select({ others: sql<number>`count(*)::int` })
        .from(statuses)
        .where(and(eq(statuses.moduleId, status.moduleId), isNull(statuses.archivedAt), ne(statuses.id, statusId)));
      if (others === 0) throw invalid("last_status");
    }
    await tx.update(statuses).set({ archivedAt: archive ? ctx.now : null }).where(eq(statuses.id, statusId));
    return { ...result, changed: true };
  });
}
