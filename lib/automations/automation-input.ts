import { z } from "zod";
import { automationKinds, automationStepKinds, automationTriggers, contactRecipients, todoTypes, userRules } from "@/db/schema";

/** The input schemas of the automation verbs (and their actions). Messages are error codes (messages/<locale>/errors.json). */
export const automationNameMaxLength = 120;
export const maxSteps = 50;
export const maxDelayDays = 730;
export const todoTextMaxLength = 500;
/** How far ahead "Preview" looks. */
export const previewDays = 14;

const id = z.uuid("invalid_input");
const version = z.coerce.number("invalid_input").int("invalid_input").positive("invalid_input");
const optionalId = z.preprocess((v) => (v === "" ? null : v), id.nullable().default(null));

/** "09:00"; "25:61" is refused. */
export const sendTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "automation_time_invalid");

export const automationNameSchema = z.string("required").trim().min(1, "required").max(automationNameMaxLength, "too_long");

/** "New automation": trigger → condition → only new cards → kind. One-time runs have no "only new". */
export const createAutomationSchema = z
  .object({
    moduleId: id,
    name: automationNameSchema,
    trigger: z.enum(automationTriggers, "invalid_input"),
    statusId: optionalId,
    viewId: optionalId,
    onlyNew: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
    kind: z.enum(automationKinds, "invalid_input").default("continuous"),
  })
  .superRefine((v, ctx) => {
    if (v.trigger === "status" && !v.statusId) ctx.addIssue({ code: "custom", path: ["statusId"], message: "required" });
    if (v.trigger === "view" && !v.viewId) ctx.addIssue({ code: "custom", path: ["viewId"], message: "required" });
    if (v.kind === "one_time" && v.onlyNew) ctx.addIssue({ code: "custom", path: ["onlyNew"], message: "automation_only_new_one_time" });
  });
export type CreateAutomationInput = z.input<typeof createAutomationSchema>;

/** One step as the editor sends it; which fields matter depends on the kind (checked against the module by the verb). */
export const stepInputSchema = z
  .object({
    /** The step being edited (kept, so its past step runs stay counted); absent for a new step. */
    id: optionalId,
    kind: z.enum(automationStepKinds, "invalid_input"),
    delayDays: z.coerce.number("invalid_input").int("invalid_input").min(0, "automation_delay_range").max(maxDelayDays, "automation_delay_range"),
    sendTime: z.preprocess((v) => (v === "" ? null : v), sendTimeSchema.nullable().default(null)),
    workingDaysOnly: z.boolean().default(false),
    emailTemplateId: optionalId,
    todoTemplateId: optionalId,
    todoText: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(todoTextMaxLength, "too_long").nullable().default(null)),
    todoType: z.enum(todoTypes, "invalid_input").nullable().default(null),
    recipient: z.string("required"),
    userId: optionalId,
    sender: z.enum(userRules, "invalid_input").default("card_owner"),
    senderUserId: optionalId,
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (s.kind === "email_contact") {
      if (!(contactRecipients as readonly string[]).includes(s.recipient)) issue("recipient", "invalid_input");
    } else if (!(userRules as readonly string[]).includes(s.recipient)) issue("recipient", "invalid_input");
    if (s.kind !== "email_contact" && s.recipient === "user" && !s.userId) issue("userId", "required");
    if (s.kind === "todo_user") {
      if (!s.todoTemplateId && !s.todoText) issue("todoText", "required");
    } else {
      if (!s.emailTemplateId) issue("emailTemplateId", "required");
      if (s.sender === "user" && !s.senderUserId) issue("senderUserId", "required");
    }
  });
export type StepInput = z.input<typeof stepInputSchema>;
export type ParsedStep = z.output<typeof stepInputSchema>;

/** The editor saves the whole sequence at once (name included), guarded by the version it started from. */
export const saveStepsSchema = z.object({
  automationId: id,
  version,
  name: automationNameSchema,
  steps: z.array(stepInputSchema).max(maxSteps, "automation_too_many_steps"),
});
export type SaveStepsInput = z.input<typeof saveStepsSchema>;

export const automationIdSchema = z.object({ automationId: id });
export type AutomationIdInput = z.input<typeof automationIdSchema>;
