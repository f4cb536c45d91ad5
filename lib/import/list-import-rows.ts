import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { importRows, importRowOutcomes, type ImportRowOutcome } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { invalid } from "@/lib/errors";
import { getImportRecordOrThrow } from "./get-import";
import type { ImportReportRow } from "./types";

/** A page of a run's report, in row order, optionally one outcome only. */
export async function listImportRows(
  ctx: Ctx,
  input: { importId: string; outcome?: ImportRowOutcome; afterRow?: number; limit?: number },
): Promise<{ rows: ImportReportRow[]; nextAfterRow: number | null }> {
  const record = await getImportRecordOrThrow(ctx, input.importId);
  if (input.outcome !== undefined && !importRowOutcomes.includes(input.outcome)) throw invalid("invalid_input");
  const limit = Math.min(Math.max(Math.trunc(Number(input.limit ?? 100)) || 100, 1), 1000);
  const conditions: SQL[] = [eq(importRows.importId, record.id)];
  if (input.outcome) conditions.push(eq(importRows.outcome, input.outcome));
  if (input.afterRow !== undefined) conditions.push(gt(importRows.rowNumber, Math.trunc(Number(input.afterRow)) || 0));
  const rows = await ctx.db
    .select({ rowNumber: importRows.rowNumber, outcome: importRows.outcome, reason: importRows.reason, cardId: importRows.cardId, before: importRows.before })
    .from(importRows)
    .where(and(...conditions))
    .orderBy(asc(importRows.rowNumber))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({
    rowNumber: r.rowNumber,
    outcome: r.outcome,
    reason: r.reason ?? null,
    cardId: r.cardId,
    name: typeof r.before?.name === "string" ? r.before.name : null,
  }));
  return { rows: page, nextAfterRow: rows.length > limit ? page[page.length - 1].rowNumber : null };
}
