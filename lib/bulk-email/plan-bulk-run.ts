import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, emailSuppressions, emailTemplates, organisation, type BulkRecipientRule } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { personFullName, type Locale } from "@/lib/email/variable-values";
import { forbidden, notFound } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { compileViewFilter } from "@/lib/views/compile-view";
import { getEmailTemplateOrThrow } from "@/lib/templates/email-templates";
import { getViewOrThrow } from "@/lib/views/get-view-or-throw";
import { bulkRunInputSchema, type BulkRunInput } from "./bulk-input";

export type BulkSkipReason = "no_address" | "unsubscribed" | "duplicate";

/** One recipient row as the run stores it: pending, or skipped with its reason. */
export type PlannedRecipient = {
  cardId: string;
  contactId: string | null;
  address: string;
  name: string;
  skip: BulkSkipReason | null;
};

export type TemplateRow = typeof emailTemplates.$inferSelect;

/**
 * A live email template of the module. A private query until the templates helper's
 * `getEmailTemplateOrThrow` is merged (the integrator may switch to it).
 */
export async function loadBulkTemplate(ctx: Ctx, moduleId: string, templateId: string): Promise<TemplateRow> {
  const row = await getEmailTemplateOrThrow(ctx, templateId);
  if (row.moduleId !== moduleId) throw notFound("template_not_found");
  return row;
}

export async function organisationSettings(db: Db): Promise<{ timeZone: string; locale: Locale }> {
  const [org] = await db.select({ timeZone: organisation.timeZone, locale: organisation.defaultLocale }).from(organisation);
  return { timeZone: org?.timeZone ?? "Europe/Budapest", locale: org?.locale ?? "hu" };
}

type ContactRow = typeof contacts.$inferSelect;

/** An address a mail transport can take: one @, a dotted domain, no spaces or line breaks, ≤ 254 characters. */
export const isSendableAddress = (a: string) => a.length <= 254 && /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/.test(a);

/**
 * Who a bulk run of this view sends to, right now: the view's cards the actor may see (one query: the
 * view's compiled filter AND the card scope), their contacts (one query), the suppression list (one
 * query), then each card's recipients by the rule — skipped ones with their reason.
 */
export async function planBulkRun(ctx: Ctx, raw: BulkRunInput) {
  const { actor, db, now } = ctx;
  const input = bulkRunInputSchema.parse(raw);
  if (!can(actor, "email.bulk_send")) throw forbidden();
  const view = await getViewOrThrow(db, actor, input.moduleId, input.viewId);
  const template = await loadBulkTemplate(ctx, input.moduleId, input.templateId);
  const config = await getModuleConfigOrThrow(db, input.moduleId);
  const org = await organisationSettings(db);
  const filter = compileViewFilter(view.definition.filter, {
    fields: new Map(config.fields.map((f) => [f.id, f])),
    viewerId: actor.id,
    now,
    timeZone: org.timeZone,
  });
  const cardRows = await db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.moduleId, input.moduleId), isNull(cards.deletedAt), visibleCardsCondition(actor), filter))
    .orderBy(asc(cards.createdAt), asc(cards.id));
  const cardIds = cardRows.map((c) => c.id);
  const recipients = await chooseRecipients(db, cardIds, input.recipientRule, org.locale);
  return { input, view, template, config, org, cardIds, recipients };
}

/** Every card's recipients under the rule, in card order, with skips decided (no address, unsubscribed, the same address twice). */
export async function chooseRecipients(db: Db, cardIds: string[], rule: BulkRecipientRule, locale: Locale): Promise<PlannedRecipient[]> {
  if (cardIds.length === 0) return [];
  // Chunks of 1,000: mapping a result of 5,000 contact rows was ~50 ms of synchronous work on the server's event loop.
  const chunk = 1000;
  const links: { cardId: string; contact: ContactRow }[] = [];
  for (let i = 0; i < cardIds.length; i += chunk) {
    const ids = cardIds.slice(i, i + chunk);
    links.push(
      ...(await db
        .select({ cardId: cardContacts.cardId, contact: contacts })
        .from(cardContacts)
        .innerJoin(contacts, and(eq(contacts.id, cardContacts.contactId), isNull(contacts.deletedAt)))
        .where(inArray(cardContacts.cardId, ids))
        .orderBy(asc(cardContacts.cardId), asc(cardContacts.position), asc(contacts.id))),
    );
  }
  const byCard = new Map<string, ContactRow[]>();
  for (const l of links) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l.contact]);

  // The company of a card's main person, when the card has no company of its own (rule "company").
  const known = new Map(links.map((l) => [l.contact.id, l.contact]));
  const missingCompanies = [...new Set(links.map((l) => l.contact.companyId).filter((id): id is string => Boolean(id) && !known.has(id!)))];
  for (let i = 0; i < missingCompanies.length; i += chunk)
    for (const c of await db.select().from(contacts).where(and(inArray(contacts.id, missingCompanies.slice(i, i + chunk)), isNull(contacts.deletedAt)))) known.set(c.id, c);

  const raw: Omit<PlannedRecipient, "skip">[] = [];
  const toRecipient = (cardId: string, c: ContactRow) => ({
    cardId,
    contactId: c.id,
    address: c.emails.map((e) => e.trim().toLowerCase()).find(isSendableAddress) ?? "",
    name: c.kind === "person" ? personFullName(c, locale) : c.name,
  });
  const nobody = (cardId: string) => ({ cardId, contactId: null, address: "", name: "" });
  for (const cardId of cardIds) {
    const linked = byCard.get(cardId) ?? [];
    const persons = linked.filter((c) => c.kind === "person");
    if (rule === "main_person") raw.push(persons[0] ? toRecipient(cardId, persons[0]) : nobody(cardId));
    else if (rule === "all_persons") raw.push(...(persons.length ? persons.map((p) => toRecipient(cardId, p)) : [nobody(cardId)]));
    else {
      const company = linked.find((c) => c.kind === "company") ?? (persons[0]?.companyId ? known.get(persons[0].companyId) : undefined);
      raw.push(company ? toRecipient(cardId, company) : nobody(cardId));
    }
  }

  const addresses = [...new Set(raw.map((r) => r.address).filter(Boolean))];
  const suppressed = new Set<string>();
  for (let i = 0; i < addresses.length; i += chunk)
    for (const s of await db.select({ address: emailSuppressions.address }).from(emailSuppressions).where(inArray(emailSuppressions.address, addresses.slice(i, i + chunk))))
      suppressed.add(s.address);

  const seen = new Set<string>();
  return raw.map((r) => {
    let skip: BulkSkipReason | null = null;
    if (!r.address) skip = "no_address";
    else if (suppressed.has(r.address)) skip = "unsubscribed";
    else if (seen.has(r.address)) skip = "duplicate";
    else seen.add(r.address);
    return { ...r, skip };
  });
}
