import { eq } from "drizzle-orm";
import { cards } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { sendCardEmailSchema, type SendCardEmailInput } from "./card-email-input";
import { prepareCardEmail } from "./preview-card-email";
import { queueEmails } from "./queue-email";

/**
 * Sends an email from a card to one of its contacts (SPEC §3, §7): checked and rendered like the
 * preview; refused while variables would be empty unless the sender confirmed (`confirmEmpty`) —
 * the refusal lists them. One transaction stores the rendered email with its delivery job and the
 * card's history entry. The caller, after commit: the "email.changed" event (the delivery job is
 * announced by `announcingJobs`, which wraps every server action).
 */
export async function sendCardEmail(ctx: Ctx, input: SendCardEmailInput) {
  const { confirmEmpty, ...compose } = sendCardEmailSchema.parse(input);
  const prepared = await prepareCardEmail(ctx, compose);
  if (prepared.emptyVariables.length > 0 && !confirmEmpty) {
    throw new DomainError("invalid", "email_empty_variables", {}, { variables: prepared.emptyVariables });
  }
  const { card, recipient, rendered } = prepared;
  const emailId = await ctx.db.transaction(async (tx) => {
    const [id] = await queueEmails(
      tx,
      [
        {
          kind: "card",
          cardId: card.id,
          moduleId: card.moduleId,
          templateId: prepared.templateId,
          senderId: ctx.actor.id,
          fromName: prepared.senderName,
          toAddress: recipient.address,
          toName: recipient.name,
          replyTo: ctx.actor.email,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          headers: {},
        },
      ],
      ctx.now,
    );
    await tx.update(cards).set({ lastActivityAt: ctx.now }).where(eq(cards.id, card.id));
    await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId: card.id, kind: "email", data: { emailId: id, subject: rendered.subject, to: recipient.address } }]);
    return id;
  });
  return { cardId: card.id, moduleId: card.moduleId, emailId };
}
