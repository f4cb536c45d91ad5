import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { imports } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { targetOptions } from "./guess-mapping";
import { importIdSchema } from "./import-input";
import { analyseSource, detectSource, type SourceFormat } from "./source";
import type { ImportDraft } from "./types";

/** The import row, to those who may run imports (admins and managers, who see every card). */
export async function getImportRecordOrThrow(ctx: Ctx, importId: string) {
  if (!can(ctx.actor, "imports.run")) throw forbidden();
  const id = importIdSchema.safeParse(importId);
  if (!id.success) throw notFound("import_not_found");
  const [record] = await ctx.db.select().from(imports).where(eq(imports.id, id.data));
  if (!record) throw notFound("import_not_found");
  return record;
}

/** The draft as the wizard shows it: detection, the header with samples, the first rows, the targets. */
export async function describeImport(db: Db, record: typeof imports.$inferSelect): Promise<ImportDraft> {
  const format = record.format as SourceFormat;
  const detected = await detectSource(db, record.sourceBlobId, format);
  const analysis = await analyseSource(db, record.sourceBlobId, format, record.settings, detected, { count: false });
  const moduleFields = record.moduleId ? (await loadModuleForCards(db, record.moduleId)).fields : [];
  return {
    id: record.id,
    target: record.target,
    moduleId: record.moduleId,
    state: record.state,
    fileName: record.fileName,
    format,
    settings: record.settings,
    detected,
    columns: analysis.header.map((header, index) => ({ index, header, samples: analysis.preview.slice(0, 5).map((r) => r[index] ?? "") })),
    preview: analysis.preview,
    totalRows: record.totalRows,
    targets: targetOptions(record.target, moduleFields),
    plan: record.plan,
    totals: record.totals,
    doneRows: record.doneRows,
    error: record.error,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    undoneAt: record.undoneAt,
  };
}

/** One import for its wizard or report page, to those who may run imports. */
export async function getImport(ctx: Ctx, importId: string): Promise<ImportDraft> {
  const record = await getImportRecordOrThrow(ctx, importId);
  return describeImport(ctx.db, record);
}
