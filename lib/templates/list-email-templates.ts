export { listEmailTemplates, type EmailTemplateRow } from "./email-templates";
