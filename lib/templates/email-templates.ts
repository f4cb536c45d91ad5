import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { emailTemplates } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, notFound } from "@/lib/errors";
import {
  createEmailTemplateSchema,
  templateIdSchema,
  updateEmailTemplateSchema,
  type CreateEmailTemplateInput,
  type UpdateEmailTemplateInput,
} from "./template-input";
import {
  assertTemplateNameFree,
  cleanTemplateContent,
  freeTemplateName,
  getLiveEmailTemplate,
  getTemplateModuleOrThrow,
  lockModuleTemplates,
  type EmailTemplateRow,
} from "./template-store";

export type { EmailTemplateRow } from "./template-store";
type Written = { templateId: string; moduleId: string; version: number };

const changed = (version: number) => conflict("template_changed", {}, { currentVersion: version });

/**
 * A new email template of a module (managers and admins): the body sanitised on the server, its
 * length and both texts' variables checked against the module, the name free among live templates.
 */
export async function createEmailTemplate({ actor, db, now }: Ctx, raw: CreateEmailTemplateInput): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const input = createEmailTemplateSchema.parse(raw);
  const config = await getTemplateModuleOrThrow(db, input.moduleId);
  if (config.archived) throw conflict("module_archived");
  const content = cleanTemplateContent(config, input.subject, input.bodyHtml);
  return db.transaction(async (tx) => {
    await lockModuleTemplates(tx, config.id);
    await assertTemplateNameFree(tx, config.id, input.name);
    const [row] = await tx
      .insert(emailTemplates)
      .values({ moduleId: config.id, name: input.name, category: input.category, ...content, createdById: actor.id, createdAt: now, updatedAt: now })
      .returning({ id: emailTemplates.id, version: emailTemplates.version });
    return { templateId: row.id, moduleId: config.id, version: row.version };
  });
}

/** Saves a template's name, category, subject and body, guarded by the version the editor started from. */
export async function updateEmailTemplate({ actor, db, now }: Ctx, raw: UpdateEmailTemplateInput): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const input = updateEmailTemplateSchema.parse(raw);
  const template = await getLiveEmailTemplate(db, input.templateId);
  if (template.version !== input.version) throw changed(template.version);
  const config = await getTemplateModuleOrThrow(db, template.moduleId);
  const content = cleanTemplateContent(config, input.subject, input.bodyHtml);
  const same = input.name === template.name && input.category === template.category && content.subject === template.subject && content.bodyHtml === template.bodyHtml;
  if (same) return { templateId: template.id, moduleId: template.moduleId, version: template.version };
  return db.transaction(async (tx) => {
    await lockModuleTemplates(tx, template.moduleId);
    if (input.name.toLowerCase() !== template.name.toLowerCase()) await assertTemplateNameFree(tx, template.moduleId, input.name, template.id);
    const version = template.version + 1;
    const updated = await tx
      .update(emailTemplates)
      .set({ name: input.name, category: input.category, ...content, version, updatedAt: now })
      .where(and(eq(emailTemplates.id, template.id), eq(emailTemplates.version, input.version), isNull(emailTemplates.deletedAt)))
      .returning({ id: emailTemplates.id });
    // Saved or trashed by someone else between our read and the lock.
    if (updated.length === 0) throw changed(version);
    return { templateId: template.id, moduleId: template.moduleId, version };
  });
}

/** To the trash (never a hard delete): emails and bulk runs that used it keep pointing at it. */
export async function trashEmailTemplate({ actor, db, now }: Ctx, raw: { templateId: string }): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const { templateId } = templateIdSchema.parse(raw);
  const template = await getLiveEmailTemplate(db, templateId);
  const version = template.version + 1;
  const trashed = await db
    .update(emailTemplates)
    .set({ deletedAt: now, deletedById: actor.id, version, updatedAt: now })
    .where(and(eq(emailTemplates.id, template.id), isNull(emailTemplates.deletedAt)))
    .returning({ id: emailTemplates.id });
  if (trashed.length === 0) throw notFound("template_not_found");
  return { templateId: template.id, moduleId: template.moduleId, version };
}

/** Back from the trash; if a live template took its name meanwhile, it comes back as "Name (2)". */
export async function restoreEmailTemplate({ actor, db, now }: Ctx, raw: { templateId: string }): Promise<Written & { name: string }> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const { templateId } = templateIdSchema.parse(raw);
  const [template] = await db.select().from(emailTemplates).where(and(eq(emailTemplates.id, templateId), isNotNull(emailTemplates.deletedAt)));
  if (!template) throw notFound("template_not_found");
  return db.transaction(async (tx) => {
    await lockModuleTemplates(tx, template.moduleId);
    const name = await freeTemplateName(tx, template.moduleId, template.name);
    const version = template.version + 1;
    const restored = await tx
      .update(emailTemplates)
      .set({ deletedAt: null, deletedById: null, name, version, updatedAt: now })
      .where(and(eq(emailTemplates.id, template.id), isNotNull(emailTemplates.deletedAt)))
      .returning({ id: emailTemplates.id });
    if (restored.length === 0) throw notFound("template_not_found");
    return { templateId: template.id, moduleId: template.moduleId, version, name };
  });
}

/** Who may read templates: whoever may email (the compose dialog, bulk email) or write them. */
const canReadTemplates = (actor: Ctx["actor"]) => can(actor, "email.send") || can(actor, "email.bulk_send") || can(actor, "templates.manage");

/** The module's live email templates, by category then name. An unknown module has none. */
export async function listEmailTemplates({ actor, db }: Ctx, moduleId: string): Promise<EmailTemplateRow[]> {
  if (!canReadTemplates(actor)) throw forbidden();
  if (!templateIdSchema.shape.templateId.safeParse(moduleId).success) return [];
  return db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.moduleId, moduleId), isNull(emailTemplates.deletedAt)))
    .orderBy(asc(emailTemplates.category), asc(emailTemplates.name), asc(emailTemplates.id));
}

/** A live email template, or "template_not_found" (an unknown or malformed id, a trashed one alike). The caller checks its module. */
export async function getEmailTemplateOrThrow({ actor, db }: Ctx, id: string): Promise<EmailTemplateRow> {
  if (!canReadTemplates(actor)) throw forbidden();
  if (!templateIdSchema.shape.templateId.safeParse(id).success) throw notFound("template_not_found");
  return getLiveEmailTemplate(db, id);
}
