import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { imports, users, type ImportState, type ImportTotals } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

export type ImportSummary = { id: string; fileName: string; state: ImportState; totals: ImportTotals; createdAt: Date; createdBy: string };

/** The recent imports of a module (or of contacts, moduleId null), newest first. */
export async function listImports(ctx: Ctx, input: { moduleId: string | null }): Promise<ImportSummary[]> {
  if (!can(ctx.actor, "imports.run")) throw forbidden();
  const rows = await ctx.db
    .select({ id: imports.id, fileName: imports.fileName, state: imports.state, totals: imports.totals, createdAt: imports.createdAt, createdBy: sql<string>`trim(${users.lastName} || ' ' || ${users.firstName})` })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.createdById))
    .where(input.moduleId ? and(eq(imports.target, "cards"), eq(imports.moduleId, input.moduleId)) : and(eq(imports.target, "contacts"), isNull(imports.moduleId)))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(20);
  return rows;
}
