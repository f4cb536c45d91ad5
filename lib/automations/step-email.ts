import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTemplates, users, type StepSkipReason } from "@/db/schema";
import { mailFromName } from "@/lib/bulk-email/mail-from";
import type { NewEmail } from "@/lib/email/queue-email";
import { renderEmail } from "@/lib/email/render-email";
import { loadVariableValues, type EmailRecipient, type Locale } from "@/lib/email/variable-values";
import { textToHtml, variablesIn } from "@/lib/email/variables";
import { displayName } from "@/lib/cards/list-card-users";
import { resolveContactRecipients, resolveStepUser } from "./step-recipients";
import { stepRunPartId } from "./step-run-ids";
import type { StepRunFacts } from "./step-run-facts";

export type StepEmails = { emails: NewEmail[]; to: string[] };

/**
 * The emails an email step sends for one card, rendered, with ids derived from the step run: the live
 * template of the step (else "template_trashed"), from the active sender (the card's owner or the chosen
 * user, else "sender_inactive"), to the card's contacts by the step's rule (email_contact, in the
 * organisation's language) or to the user the step names (email_user, in their language; they must be
 * active and see the card). Values and signature as a card email's.
 */
export async function prepareStepEmails(db: Db, facts: StepRunFacts): Promise<StepEmails | { skip: StepSkipReason }> {
  const { step, card, stepRun } = facts;
  const [template] = step.emailTemplateId
    ? await db.select().from(emailTemplates).where(and(eq(emailTemplates.id, step.emailTemplateId), isNull(emailTemplates.deletedAt)))
    : [];
  if (!template) return { skip: "template_trashed" };
  const sender = await resolveStepUser(db, { rule: step.sender, userId: step.senderUserId, cardId: card.id, ownerId: card.ownerId, mustSeeCard: false }, { none: "sender_inactive", inactive: "sender_inactive" });
  if ("skip" in sender) return sender;
  const org = await facts.org();

  let recipients: EmailRecipient[];
  let locale: Locale = org.locale;
  if (step.kind === "email_contact") {
    const contacts = await resolveContactRecipients(db, card.id, step.recipient as "main_person" | "all_persons" | "company", org.locale);
    if ("skip" in contacts) return contacts;
    recipients = contacts.to;
  } else {
    const user = await resolveStepUser(db, { rule: step.recipient as "card_owner" | "user", userId: step.userId, cardId: card.id, ownerId: card.ownerId, mustSeeCard: true }, { none: "no_recipient", inactive: "recipient_inactive" });
    if ("skip" in user) return user;
    const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.user.id));
    locale = row?.locale ?? org.locale;
    recipients = [{ address: user.user.email, name: displayName(user.user) }];
  }

  const values = await loadVariableValues(db, {
    items: recipients.map((recipient) => ({ cardId: card.id, recipient })),
    senderId: sender.user.id,
    keys: variablesIn(`${template.subject}\n${template.bodyHtml}`),
    now: facts.now,
    timeZone: org.timeZone,
    locale,
  });
  const emails: NewEmail[] = [];
  for (const [i, recipient] of recipients.entries()) {
    const rendered = await renderEmail({ subject: template.subject, bodyHtml: template.bodyHtml, values: values[i], locale, signatureHtml: textToHtml(values[i]["sender.signature"] ?? "") });
    emails.push({
      id: stepRunPartId(stepRun.id, `email:${i}`),
      kind: "card",
      cardId: card.id,
      moduleId: card.moduleId,
      templateId: template.id,
      senderId: sender.user.id,
      fromName: mailFromName(sender.user),
      toAddress: recipient.address,
      toName: recipient.name,
      replyTo: sender.user.email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: {},
    });
  }
  return { emails, to: recipients.map((r) => r.address) };
}
