import { z } from "zod";
import { todoAssigneeRules, todoTypes } from "@/db/schema";

/** The input schemas of the template verbs (and their actions). Messages are error codes (messages/<locale>/errors.json). */
export const templateNameMaxLength = 120;
export const templateCategoryMaxLength = 60;
export const templateSubjectMaxLength = 200;
/** Raw HTML accepted before sanitising: a little over the stored limit, so a 1 MB paste is refused before any work. */
export const rawBodyMaxLength = 200_000;

const id = z.uuid("invalid_input");
const version = z.coerce.number("invalid_input").int("invalid_input").positive("invalid_input");

export const templateNameSchema = z.string("required").trim().min(1, "required").max(templateNameMaxLength, "too_long");
export const templateCategorySchema = z.string().trim().max(templateCategoryMaxLength, "too_long").default("");
/** Plain text on one line: a newline in a subject could start another header. */
export const templateSubjectSchema = z
  .string("required")
  .refine((s) => !/[\r\n]/.test(s), "template_subject_newline")
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "required").max(templateSubjectMaxLength, "too_long"));
/** The length limit after sanitising is the verb's (lib/email/sanitize-html.ts, maxBodyHtmlLength). */
export const templateBodySchema = z.string("required").max(rawBodyMaxLength, "template_body_too_long");

export const createEmailTemplateSchema = z.object({
  moduleId: id,
  name: templateNameSchema,
  category: templateCategorySchema,
  subject: templateSubjectSchema,
  bodyHtml: templateBodySchema,
});
export type CreateEmailTemplateInput = z.input<typeof createEmailTemplateSchema>;

export const updateEmailTemplateSchema = z.object({
  templateId: id,
  /** The version the editor started from: someone else's save in between is "template_changed". */
  version,
  name: templateNameSchema,
  category: templateCategorySchema,
  subject: templateSubjectSchema,
  bodyHtml: templateBodySchema,
});
export type UpdateEmailTemplateInput = z.input<typeof updateEmailTemplateSchema>;

export const templateIdSchema = z.object({ templateId: id });

const time = z.string("invalid_time").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_time");
export const maxDeadlineDays = 365;

const todoTemplateFields = {
  text: z.string("required").trim().min(1, "required").max(500, "too_long"),
  type: z.enum(todoTypes, "invalid_input").default("task"),
  deadlineDays: z.coerce.number("invalid_input").int("invalid_input").min(0, "invalid_input").max(maxDeadlineDays, "too_long").default(0),
  deadlineTime: time.default("09:00"),
  assigneeRule: z.enum(todoAssigneeRules, "invalid_input").default("card_owner"),
  /** When assigneeRule is "user"; ignored otherwise. An empty form field means none. */
  assigneeId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
};

export const createTodoTemplateSchema = z.object({ moduleId: id, ...todoTemplateFields });
export type CreateTodoTemplateInput = z.input<typeof createTodoTemplateSchema>;

export const updateTodoTemplateSchema = z.object({ todoTemplateId: id, version, ...todoTemplateFields });
export type UpdateTodoTemplateInput = z.input<typeof updateTodoTemplateSchema>;

export const todoTemplateIdSchema = z.object({ todoTemplateId: id });
