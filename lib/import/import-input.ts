import { z } from "zod";
import { importTargets } from "@/db/schema";
import { importEncodings, importSeparators } from "./source";

/** An uploaded file's name, as shown in the wizard and the report: no path, no control characters, ≤ 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.replace(/[\u0000-\u001f\u007f]/g, "").split(/[\\/]/).pop()?.trim() ?? "";
  const name = base.replace(/^\.+/, "") || "import";
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return name.slice(0, 200 - ext.length) + ext;
}

export const createImportSchema = z
  .object({
    target: z.enum(importTargets, "invalid_input"),
    moduleId: z.uuid("invalid_input").nullable(),
    fileName: z.string("invalid_input").max(1000, "too_long").transform(cleanFileName),
    format: z.enum(["file", "paste"], "invalid_input"),
  })
  .refine((v) => v.target === "contacts" || v.moduleId !== null, { message: "module_required", path: ["moduleId"] });

const mappingKey = z.string().regex(/^(name|status|owner|company\.(name|email|phone|tax_number|address)|person\.(name|first_name|last_name|email|phone)|field:[0-9a-f-]{36})$/, "invalid_mapping");

export const importSettingsPatchSchema = z
  .object({
    encoding: z.enum(importEncodings, "import_bad_encoding"),
    separator: z.enum(importSeparators, "import_bad_separator"),
    sheet: z.string().max(200, "too_long"),
    mapping: z.record(z.string().regex(/^\d{1,4}$/, "invalid_mapping"), z.union([mappingKey, z.literal("")])).transform((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== ""))),
    duplicates: z.object({
      match: z.array(z.enum(["email", "tax_number", "name"], "invalid_input")).max(3).transform((m) => [...new Set(m)]),
      action: z.enum(["skip", "update", "create"], "invalid_input"),
    }),
    locale: z.enum(["hu", "en"], "invalid_input"),
  })
  .partial();

export const importIdSchema = z.uuid("not_found");
