import { and, eq } from "drizzle-orm";
import { imports, type ImportSettings } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { conflict, invalid } from "@/lib/errors";
import { describeImport, getImportRecordOrThrow } from "./get-import";
import { guessMapping, targetOptions } from "./guess-mapping";
import { importSettingsPatchSchema } from "./import-input";
import { analyseSource, detectSource, type SourceFormat } from "./source";
import type { ImportDraft } from "./types";

/**
 * Changes a draft's encoding, separator, sheet, mapping, duplicates rule or locale; the dry run is
 * cleared. A new encoding, separator or sheet reads the source again (its rows counted, its header
 * re-read); a header that changed gets a new guessed mapping unless one is given.
 */
export async function updateImportSettings(ctx: Ctx, input: { importId: string; settings: Partial<ImportSettings> }): Promise<ImportDraft> {
  const record = await getImportRecordOrThrow(ctx, input.importId);
  if (record.state !== "draft") throw conflict("import_not_draft");
  const patch = importSettingsPatchSchema.parse(input.settings ?? {});
  const format = record.format as SourceFormat;
  const settings: ImportSettings = { ...record.settings, ...patch };
  const moduleFields = record.moduleId ? (await loadModuleForCards(ctx.db, record.moduleId)).fields : [];
  let totalRows = record.totalRows;
  if (patch.encoding !== undefined || patch.separator !== undefined || patch.sheet !== undefined) {
    const detected = await detectSource(ctx.db, record.sourceBlobId, format);
    if (format === "xlsx" && patch.sheet !== undefined && !detected.sheets.includes(patch.sheet)) throw invalid("import_unknown_sheet", { sheet: "import_unknown_sheet" });
    const before = await analyseSource(ctx.db, record.sourceBlobId, format, record.settings, detected, { count: false });
    const after = await analyseSource(ctx.db, record.sourceBlobId, format, settings, detected, { count: true });
    totalRows = after.totalRows;
    const headerChanged = before.header.join("\u0001") !== after.header.join("\u0001");
    if (headerChanged && patch.mapping === undefined) settings.mapping = guessMapping(after.header, record.target, moduleFields);
  }
  if (patch.mapping) {
    const allowed = new Set(targetOptions(record.target, moduleFields).map((t) => t.key));
    const used = new Set<string>();
    for (const [col, key] of Object.entries(settings.mapping)) {
      if (!allowed.has(key)) throw invalid("invalid_mapping", { [`mapping.${col}`]: "invalid_mapping" });
      if (used.has(key)) throw invalid("import_mapping_twice", { [`mapping.${col}`]: "import_mapping_twice" });
      used.add(key);
    }
  }
  const [updated] = await ctx.db
    .update(imports)
    .set({ settings, plan: null, totalRows, updatedAt: ctx.now })
    .where(and(eq(imports.id, record.id), eq(imports.state, "draft")))
    .returning();
  if (!updated) throw conflict("import_not_draft");
  return describeImport(ctx.db, updated);
}
