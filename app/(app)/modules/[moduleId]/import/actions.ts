"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { dryRunImport } from "@/lib/import/dry-run-import";
import { listImportRows } from "@/lib/import/list-import-rows";
import { startImport } from "@/lib/import/start-import";
import { undoImport } from "@/lib/import/undo-import";
import { updateImportSettings } from "@/lib/import/update-import-settings";

// The import wizard's actions (module and contacts imports alike). Each checks "imports.run" before parsing;
// the verbs check the import itself (who may see it, its state).

const importId = z.uuid();

const settings = z
  .object({
    encoding: z.string().min(1).max(40),
    separator: z.string().min(1).max(2),
    sheet: z.string().max(200),
    mapping: z.record(z.string().regex(/^\d{1,4}$/), z.string().min(1).max(80)),
    duplicates: z.object({ match: z.array(z.enum(["email", "tax_number", "name"])).max(3), action: z.enum(["skip", "update", "create"]) }),
    locale: z.enum(["hu", "en"]),
  })
  .partial();

export const updateImportSettingsAction = authedAction({ schema: z.object({ importId, settings }), permission: "imports.run" }, (ctx, input) => updateImportSettings(ctx, input));

export const dryRunImportAction = authedAction({ schema: z.object({ importId }), permission: "imports.run" }, (ctx, input) => dryRunImport(ctx, input.importId));

export const startImportAction = authedAction({ schema: z.object({ importId }), permission: "imports.run" }, (ctx, input) => startImport(ctx, input.importId));

export const undoImportAction = authedAction({ schema: z.object({ importId }), permission: "imports.run" }, (ctx, input) => undoImport(ctx, input.importId));

export const listImportRowsAction = authedAction(
  {
    schema: z.object({ importId, outcome: z.enum(["created", "updated", "skipped", "bad"]).optional(), afterRow: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(200).optional() }),
    permission: "imports.run",
  },
  (ctx, input) => listImportRows(ctx, input),
);
