import { and, eq } from "drizzle-orm";
import { imports } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { conflict } from "@/lib/errors";
import { getImportRecordOrThrow } from "./get-import";
import { loadImport, planWholeImport } from "./run-import";
import type { ImportPlan } from "./types";

/**
 * Everything the run would do with the current settings, and every bad row, writing nothing but the
 * plan's totals: the same planning function, batch by batch, as the run (lib/import/plan-batch.ts).
 */
export async function dryRunImport(ctx: Ctx, importId: string): Promise<ImportPlan> {
  const record = await getImportRecordOrThrow(ctx, importId);
  if (record.state !== "draft") throw conflict("import_not_draft");
  const plan = await planWholeImport(ctx.db, await loadImport(ctx.db, record.id));
  await ctx.db.update(imports).set({ plan: plan.totals, updatedAt: ctx.now }).where(and(eq(imports.id, record.id), eq(imports.state, "draft"), eq(imports.updatedAt, record.updatedAt)));
  return plan;
}
