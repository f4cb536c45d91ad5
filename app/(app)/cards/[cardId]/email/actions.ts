"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { composeCardEmailSchema, sendCardEmailSchema } from "@/lib/email/card-email-input";
import { composeOptionsSchema, loadComposeOptions } from "@/lib/email/compose-options";
import { previewCardEmail } from "@/lib/email/preview-card-email";
import { sendCardEmail } from "@/lib/email/send-card-email";
import { announceCardChange } from "@/lib/realtime/announce";

/** The compose dialog's choices for a card: addresses, the module's templates, its variables. */
export const emailComposeOptionsAction = authedAction({ schema: composeOptionsSchema, permission: "email.send" }, (ctx, input) => loadComposeOptions(ctx, input));

/** The email rendered for this card and recipient, with its empty variables. Writes nothing. */
export const previewCardEmailAction = authedAction({ schema: composeCardEmailSchema, permission: "email.send" }, (ctx, input) => previewCardEmail(ctx, input));

/** Queues the email and writes the card's history entry; after commit tells the card's audience (its delivery job is announced by authedAction). */
export const sendCardEmailAction = authedAction({ schema: sendCardEmailSchema, permission: "email.send" }, async (ctx, input) => {
  const result = await sendCardEmail(ctx, input);
  revalidatePath(`/cards/${result.cardId}`);
  await announceCardChange(ctx.db, "email.changed", result);
  return { emailId: result.emailId };
});
