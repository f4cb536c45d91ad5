export { getEmailTemplateOrThrow, type EmailTemplateRow } from "./email-templates";
