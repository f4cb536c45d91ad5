import { eq, inArray } from "drizzle-orm";
import { cards, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { renderEmail } from "@/lib/email/render-email";
import { loadVariableValues } from "@/lib/email/variable-values";
import { emptyVariables, textToHtml, variablesIn } from "@/lib/email/variables";
import type { BulkRunInput } from "./bulk-input";
import { planBulkRun, type BulkSkipReason } from "./plan-bulk-run";

export type BulkPreviewSample = { cardId: string; cardName: string; to: string; toName: string; subject: string; html: string; emptyVariables: string[] };

export type BulkPreview = {
  viewName: string;
  templateName: string;
  /** Cards of the view the actor may see, now. */
  cards: number;
  /** Emails the run would send. */
  recipients: number;
  skipped: Record<BulkSkipReason, number>;
  /** The first few skipped ones, to say who and why. */
  skippedExamples: { cardId: string; cardName: string; address: string; reason: BulkSkipReason }[];
  /** Three rendered samples (the first recipients), empty variables flagged for each. */
  samples: BulkPreviewSample[];
  /** How many of all recipients would get at least one empty variable. */
  withEmptyVariables: number;
};

/**
 * What a bulk run of this view would do, without starting it: the same plan as `startBulkRun` (the
 * permission, the scope, the view's cards now), the counts with the skipped ones by reason, and three
 * samples rendered against real cards — the unsubscribe link as a placeholder — with empty variables flagged.
 */
export async function previewBulkRun(ctx: Ctx, raw: BulkRunInput): Promise<BulkPreview> {
  const { db, now, actor } = ctx;
  const plan = await planBulkRun(ctx, raw);
  const { recipients, template, org } = plan;
  const sendable = recipients.filter((r) => !r.skip);
  const skipped: Record<BulkSkipReason, number> = { no_address: 0, unsubscribed: 0, duplicate: 0 };
  for (const r of recipients) if (r.skip) skipped[r.skip]++;

  const keys = variablesIn(`${template.subject}\n${template.bodyHtml}`);
  const values = await loadVariableValues(db, {
    items: sendable.map((r) => ({ cardId: r.cardId, recipient: { address: r.address, name: r.name, contactId: r.contactId } })),
    senderId: actor.id,
    keys,
    now,
    timeZone: org.timeZone,
    locale: org.locale,
  });
  const texts = [template.subject, template.bodyHtml];
  const [sender] = await db.select({ signature: users.emailSignature }).from(users).where(eq(users.id, actor.id));
  const names = new Map(values.map((v, i) => [sendable[i].cardId, v["card.name"] ?? ""]));
  const samples: BulkPreviewSample[] = [];
  for (const [i, r] of sendable.slice(0, 3).entries()) {
    const email = await renderEmail({ subject: template.subject, bodyHtml: template.bodyHtml, values: values[i], locale: org.locale, signatureHtml: textToHtml(sender?.signature ?? ""), unsubscribeUrl: "#unsubscribe" });
    samples.push({ cardId: r.cardId, cardName: names.get(r.cardId) ?? "", to: r.address, toName: r.name, subject: email.subject, html: email.html, emptyVariables: emptyVariables(texts, values[i]) });
  }
  const skippedRows = recipients.filter((r) => r.skip).slice(0, 20);
  const skippedNames = skippedRows.length ? await cardNames(ctx, skippedRows.map((r) => r.cardId)) : new Map<string, string>();
  return {
    viewName: plan.view.name,
    templateName: template.name,
    cards: plan.cardIds.length,
    recipients: sendable.length,
    skipped,
    skippedExamples: skippedRows.map((r) => ({ cardId: r.cardId, cardName: skippedNames.get(r.cardId) ?? "", address: r.address, reason: r.skip! })),
    samples,
    withEmptyVariables: values.filter((v) => emptyVariables(texts, v).length > 0).length,
  };
}

async function cardNames({ db }: Ctx, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: cards.id, name: cards.name }).from(cards).where(inArray(cards.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
