import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { fields } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { forbidden } from "@/lib/errors";
import { listEmailTemplates } from "@/lib/templates/email-templates";
import { cardEmailRecipients, type CardEmailRecipient } from "./email-recipients";
import { variableCatalogue, type VariableChoice } from "./variables";

export const composeOptionsSchema = z.object({ cardId: z.uuid("card_not_found") });

export type ComposeTemplate = { id: string; name: string; category: string; subject: string; bodyHtml: string };
export type ComposeOptions = { recipients: CardEmailRecipient[]; templates: ComposeTemplate[]; variables: VariableChoice[] };

/**
 * What the compose dialog offers for a card: its addresses, its module's live templates (by
 * category, then name) and the variables of the module.
 */
export async function loadComposeOptions(ctx: Ctx, raw: z.input<typeof composeOptionsSchema>): Promise<ComposeOptions> {
  if (!can(ctx.actor, "email.send")) throw forbidden();
  const input = composeOptionsSchema.parse(raw);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, input.cardId);
  const [recipients, templates, moduleFields] = await Promise.all([
    cardEmailRecipients(ctx.db, card.id),
    listEmailTemplates(ctx, card.moduleId).then((rows) => rows.map(({ id, name, category, subject, bodyHtml }) => ({ id, name, category, subject, bodyHtml }))),
    ctx.db.select({ id: fields.id, name: fields.name, type: fields.type, archivedAt: fields.archivedAt }).from(fields).where(eq(fields.moduleId, card.moduleId)).orderBy(asc(fields.position)),
  ]);
  return { recipients, templates, variables: variableCatalogue(moduleFields) };
}
