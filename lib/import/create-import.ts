import type { Ctx } from "@/lib/actions/safe-action";
import type { ImportSettings, ImportTarget } from "@/db/schema";
import { imports } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { putBlob } from "@/lib/documents/storage";
import { forbidden } from "@/lib/errors";
import { guessMapping } from "./guess-mapping";
import { createImportSchema } from "./import-input";
import { analyseSource, detectSource, readHead, sniffFormat } from "./source";

export type CreateImportInput = {
  target: ImportTarget;
  /** Required for a cards import; null for contacts. */
  moduleId: string | null;
  fileName: string;
  /** "file": CSV, TSV or XLSX (told apart by content); "paste": text copied from a spreadsheet (tab-separated). */
  format: "file" | "paste";
  source: AsyncIterable<Uint8Array>;
};

/**
 * Stores an uploaded spreadsheet (as a blob, lib/documents/storage.ts), detects its encoding, separator
 * and sheets, guesses the column mapping from its headers, and saves the import as a draft. The whole
 * source is read once here, so what cannot be imported at all (an empty file, a zip that is not a
 * workbook, more than 1,000 columns, a line over 1 MB) is refused now with its reason, and nothing is kept.
 */
export async function createImport(ctx: Ctx, input: CreateImportInput): Promise<{ importId: string }> {
  if (!can(ctx.actor, "imports.run")) throw forbidden();
  const parsed = createImportSchema.parse({ target: input.target, moduleId: input.moduleId, fileName: input.fileName, format: input.format });
  const moduleFields = parsed.target === "cards" ? (await loadModuleForCards(ctx.db, parsed.moduleId!)).fields : [];
  return ctx.db.transaction(async (tx) => {
    const blob = await putBlob(tx, input.source, { now: ctx.now });
    const format = sniffFormat(await readHead(tx, blob.id, 8192), parsed.format);
    const detected = await detectSource(tx, blob.id, format);
    const settings: ImportSettings = {
      encoding: detected.encoding,
      separator: detected.separator,
      ...(detected.sheets[0] ? { sheet: detected.sheets[0] } : {}),
      mapping: {},
      duplicates: { match: ["email", "tax_number"], action: "skip" },
      locale: ctx.actor.locale ?? "hu",
    };
    const analysis = await analyseSource(tx, blob.id, format, settings, detected, { count: true });
    settings.mapping = guessMapping(analysis.header, parsed.target, moduleFields);
    const [row] = await tx
      .insert(imports)
      .values({
        target: parsed.target,
        moduleId: parsed.target === "cards" ? parsed.moduleId : null,
        fileName: parsed.fileName,
        format,
        sourceBlobId: blob.id,
        settings,
        totalRows: analysis.totalRows,
        createdById: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: imports.id });
    return { importId: row.id };
  });
}
