import { eq } from "drizzle-orm";
import { fields, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { getEmailTemplateOrThrow } from "@/lib/templates/email-templates";
import { composeCardEmailSchema, type ComposeCardEmailInput } from "./card-email-input";
import { cardEmailRecipients, findRecipient } from "./email-recipients";
import { renderEmail } from "./render-email";
import { maxBodyHtmlLength, sanitizeEmailHtml } from "./sanitize-html";
import { loadVariableValues } from "./variable-values";
import { assertTemplateVariables, emptyVariables, textToHtml, variablesIn } from "./variables";

/** The chosen template, live and of the card's module (another module's id reads as not found). */
async function templateOfModule(ctx: Ctx, moduleId: string, templateId: string | null | undefined) {
  if (!templateId) return null;
  const template = await getEmailTemplateOrThrow(ctx, templateId);
  if (template.moduleId !== moduleId) throw notFound("template_not_found");
  return template;
}

/**
 * Everything a card email needs, checked, filled and rendered — shared by the preview and the send:
 * the actor may email (`email.send`) and see the card; the address is one of its linked contacts';
 * the body is sanitised and within the length limit; subject and body use only this module's
 * variables; values are this card's and this recipient's, in the organisation's zone and language
 * (the sender's language when they chose one); the sender's signature is appended.
 */
export async function prepareCardEmail(ctx: Ctx, input: ComposeCardEmailInput) {
  if (!can(ctx.actor, "email.send")) throw forbidden();
  const parsed = composeCardEmailSchema.parse(input);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, parsed.cardId);
  const recipient = findRecipient(await cardEmailRecipients(ctx.db, card.id), parsed.to);
  if (!recipient) throw invalid("email_recipient_not_on_card", { to: "email_recipient_not_on_card" });
  const template = await templateOfModule(ctx, card.moduleId, parsed.templateId);

  const bodyHtml = sanitizeEmailHtml(parsed.bodyHtml);
  if (bodyHtml.length > maxBodyHtmlLength) throw invalid("email_body_too_long", { bodyHtml: "email_body_too_long" });
  if (bodyHtml.replace(/<[^>]*>/g, "").trim() === "") throw invalid("email_body_required", { bodyHtml: "email_body_required" });
  const moduleFields = await ctx.db.select({ id: fields.id, name: fields.name, type: fields.type, archivedAt: fields.archivedAt }).from(fields).where(eq(fields.moduleId, card.moduleId));
  assertTemplateVariables(parsed.subject, moduleFields, "subject");
  assertTemplateVariables(bodyHtml, moduleFields, "bodyHtml");

  const organisation = await getOrganisation(ctx.db);
  const locale = ctx.actor.locale ?? organisation?.defaultLocale ?? "hu";
  const [values] = await loadVariableValues(ctx.db, {
    items: [{ cardId: card.id, recipient: { address: recipient.address, name: recipient.name, contactId: recipient.contactId } }],
    senderId: ctx.actor.id,
    keys: variablesIn(`${parsed.subject}\n${bodyHtml}`),
    now: ctx.now,
    timeZone: organisation?.timeZone ?? "Europe/Budapest",
    locale,
  });
  const [sender] = await ctx.db.select({ emailSignature: users.emailSignature }).from(users).where(eq(users.id, ctx.actor.id));
  const rendered = await renderEmail({
    subject: parsed.subject,
    bodyHtml,
    values,
    locale,
    signatureHtml: textToHtml(sender?.emailSignature ?? ""),
  });
  return {
    card,
    recipient,
    templateId: template?.id ?? null,
    rendered,
    emptyVariables: emptyVariables([parsed.subject, bodyHtml], values),
    senderName: values["sender.name"] ?? "",
  };
}

export type CardEmailPreview = { to: string; toName: string; subject: string; html: string; text: string; emptyVariables: string[] };

/** The email as it would go out to this recipient of this card, and the variables that would be empty. Writes nothing. */
export async function previewCardEmail(ctx: Ctx, input: ComposeCardEmailInput): Promise<CardEmailPreview> {
  const prepared = await prepareCardEmail(ctx, input);
  return { to: prepared.recipient.address, toName: prepared.recipient.name, ...prepared.rendered, emptyVariables: prepared.emptyVariables };
}
