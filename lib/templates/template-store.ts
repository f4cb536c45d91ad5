import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTemplates, modules } from "@/db/schema";
import { assertTemplateVariables, type VariableField } from "@/lib/email/variables";
import { maxBodyHtmlLength, sanitizeEmailHtml } from "@/lib/email/sanitize-html";
import { conflict, invalid, notFound } from "@/lib/errors";
import { getModuleConfigOrThrow, type ModuleConfig } from "@/lib/modules/get-module-config";
import { DomainError } from "@/lib/errors";
import { templateNameMaxLength } from "./template-input";

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;

/** The module's configuration, or "module_not_found". */
export async function getTemplateModuleOrThrow(db: Db, moduleId: string): Promise<ModuleConfig> {
  try {
    return await getModuleConfigOrThrow(db, moduleId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw notFound("module_not_found");
    throw error;
  }
}

/**
 * Locks the module's row for the transaction, so two template writes of a module never race on a
 * name. "No key update" leaves card inserts (a key-share lock on the module) unblocked.
 */
export async function lockModuleTemplates(tx: Db, moduleId: string): Promise<void> {
  const [mod] = await tx.select({ id: modules.id }).from(modules).where(eq(modules.id, moduleId)).for("no key update");
  if (!mod) throw notFound("module_not_found");
}

/** The fields a template of this module may name: all of them, archived ones too (their values stay on the cards). */
export const variableFieldsOf = (config: ModuleConfig): VariableField[] => config.fields.map((f) => ({ id: f.id, name: f.name, type: f.type, archivedAt: f.archivedAt }));

/**
 * A subject and body as they are stored: the body sanitised (what the editor makes, nothing that runs
 * or loads), within the length limit, not empty; the variables of both known to the module.
 */
export function cleanTemplateContent(config: ModuleConfig, subject: string, bodyHtml: string): { subject: string; bodyHtml: string } {
  const fields = variableFieldsOf(config);
  assertTemplateVariables(subject, fields, "subject");
  const clean = sanitizeEmailHtml(bodyHtml);
  if (clean.length > maxBodyHtmlLength) throw invalid("template_body_too_long", { bodyHtml: "template_body_too_long" });
  if (clean.replace(/<[^>]*>/g, "").trim() === "") throw invalid("required", { bodyHtml: "required" });
  assertTemplateVariables(clean, fields, "bodyHtml");
  return { subject, bodyHtml: clean };
}

/** A live email template of the module, or "template_not_found". */
export async function getLiveEmailTemplate(db: Db, templateId: string): Promise<EmailTemplateRow> {
  const [row] = await db.select().from(emailTemplates).where(and(eq(emailTemplates.id, templateId), isNull(emailTemplates.deletedAt)));
  if (!row) throw notFound("template_not_found");
  return row;
}

const liveInModule = (moduleId: string) => and(eq(emailTemplates.moduleId, moduleId), isNull(emailTemplates.deletedAt));

/** "template_name_taken" when another live template of the module has this name, whatever its case. */
export async function assertTemplateNameFree(tx: Db, moduleId: string, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: emailTemplates.id })
    .from(emailTemplates)
    .where(and(liveInModule(moduleId), eq(sql`lower(${emailTemplates.name})`, name.toLowerCase()), exceptId ? ne(emailTemplates.id, exceptId) : undefined));
  if (other) throw conflict("template_name_taken", { name: "template_name_taken" });
}

/** `name`, or the first of "name (2)", "name (3)"… free among the module's live templates. */
export async function freeTemplateName(tx: Db, moduleId: string, name: string): Promise<string> {
  const rows = await tx.select({ name: emailTemplates.name }).from(emailTemplates).where(liveInModule(moduleId));
  const taken = new Set(rows.map((r) => r.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, templateNameMaxLength - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
