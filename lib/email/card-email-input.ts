import { z } from "zod";
import { emailAddressSchema } from "./email-recipients";
import { maxBodyHtmlLength } from "./sanitize-html";

export const maxSubjectLength = 200;

/**
 * What the compose dialog sends for a preview or a send. The body is sanitised by the verb (its
 * length is checked after sanitising); a paste far beyond the limit is refused before that work.
 */
export const composeCardEmailSchema = z.object({
  cardId: z.uuid("card_not_found"),
  to: emailAddressSchema,
  templateId: z.preprocess((v) => (v === "" ? null : v), z.uuid("template_not_found").nullish()),
  subject: z
    .string("email_subject_required")
    .refine((s) => !/[\r\n]/.test(s), "email_subject_newline")
    .trim()
    .min(1, "email_subject_required")
    .max(maxSubjectLength, "email_subject_too_long"),
  bodyHtml: z.string("email_body_required").max(maxBodyHtmlLength * 2, "email_body_too_long"),
});
export type ComposeCardEmailInput = z.input<typeof composeCardEmailSchema>;

export const sendCardEmailSchema = composeCardEmailSchema.extend({
  /** The sender saw the empty variables and chose "Send anyway". */
  confirmEmpty: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});
export type SendCardEmailInput = z.input<typeof sendCardEmailSchema>;
