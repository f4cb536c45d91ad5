import { notFound } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow, type ModuleConfig } from "@/lib/modules/get-module-config";
import { pickerVariables } from "@/lib/templates/template-variables";
import type { PickerVariable } from "./variable-picker";

/** The module the Templates pages are about (or 404) and the picker's variables for it. */
export async function loadTemplatesModule(moduleId: string): Promise<{ db: Db; config: ModuleConfig; variables: PickerVariable[] }> {
  const db = await getDb();
  const config = await getModuleConfigOrThrow(db, moduleId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const variables = pickerVariables(config.fields.map((f) => ({ id: f.id, name: f.name, type: f.type, archivedAt: f.archivedAt })));
  return { db, config, variables };
}
