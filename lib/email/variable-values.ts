import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, fields, statuses, users } from "@/db/schema";
import { formatCalendarDate, formatFieldValue } from "@/components/card-page/format-value";
import { addCalendarDays, zonedToday } from "@/lib/time/calendar-days";
import { maxDateOffsetDays, type VariableValues } from "./variables";

export type Locale = "hu" | "en";

/** Who one email goes to: a contact of the card (person or company), or a bare address. */
export type EmailRecipient = { address: string; name: string; contactId?: string | null };

export type ValuesRequest = {
  items: { cardId: string; recipient: EmailRecipient }[];
  senderId: string | null;
  /** The variables the template uses (lib/email/variables.ts `variablesIn`): dates are computed for these. */
  keys: string[];
  now: Date;
  timeZone: string;
  /** The recipient's language: dates, money and numbers are written in it. */
  locale: Locale;
};

type ContactRow = typeof contacts.$inferSelect;

export const personFullName = (p: { firstName: string; lastName: string; name: string }, locale: Locale) =>
  (locale === "hu" ? `${p.lastName} ${p.firstName}` : `${p.firstName} ${p.lastName}`).trim() || p.name;

/**
 * Every variable's value for each (card, recipient), in a fixed number of queries for any number
 * of items (a bulk run renders thousands). The person is the recipient when it is a person, else the
 * card's first linked person; the company is the person's company, else the card's first linked
 * company. Values are plain text (the signature too: the profile stores it as text with line breaks);
 * escaping is `substitute`'s.
 * Returns values in the items' order.
 */
export async function loadVariableValues(db: Db, req: ValuesRequest): Promise<VariableValues[]> {
  const cardIds = [...new Set(req.items.map((i) => i.cardId))];
  if (cardIds.length === 0) return [];
  const cardRows = await db
    .select({ id: cards.id, moduleId: cards.moduleId, name: cards.name, values: cards.values, status: statuses.name, ownerFirst: users.firstName, ownerLast: users.lastName, ownerEmail: users.email })
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .leftJoin(users, eq(users.id, cards.ownerId))
    .where(inArray(cards.id, cardIds));
  const moduleIds = [...new Set(cardRows.map((c) => c.moduleId))];
  const fieldRows = moduleIds.length ? await db.select().from(fields).where(inArray(fields.moduleId, moduleIds)) : [];
  const links = await db
    .select({ cardId: cardContacts.cardId, contact: contacts })
    .from(cardContacts)
    .innerJoin(contacts, and(eq(contacts.id, cardContacts.contactId), isNull(contacts.deletedAt)))
    .where(inArray(cardContacts.cardId, cardIds))
    .orderBy(asc(cardContacts.position));
  const recipientIds = req.items.map((i) => i.recipient.contactId).filter((id): id is string => Boolean(id));
  const linked = new Map(links.map((l) => [l.contact.id, l.contact]));
  const extraIds = recipientIds.filter((id) => !linked.has(id));
  for (const c of extraIds.length ? await db.select().from(contacts).where(inArray(contacts.id, extraIds)) : []) linked.set(c.id, c);
  const companyIds = [...linked.values()].map((c) => c.companyId).filter((id): id is string => Boolean(id) && !linked.has(id!));
  for (const c of companyIds.length ? await db.select().from(contacts).where(and(inArray(contacts.id, [...new Set(companyIds)]), isNull(contacts.deletedAt))) : [])
    linked.set(c.id, c);
  const userFields = fieldRows.filter((f) => f.type === "user");
  const userIds = [...new Set(cardRows.flatMap((c) => userFields.map((f) => c.values[f.id]).filter((v): v is string => typeof v === "string")))];
  const namedUsers = userIds.length ? await db.select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email }).from(users).where(inArray(users.id, userIds)) : [];
  const [sender] = req.senderId ? await db.select().from(users).where(eq(users.id, req.senderId)) : [];

  const locale = req.locale;
  const userName = (id: string) => {
    const u = namedUsers.find((x) => x.id === id);
    return u ? `${u.lastName} ${u.firstName}`.trim() || u.email : "";
  };
  const format = { locale, userName, yes: locale === "hu" ? "igen" : "yes", no: locale === "hu" ? "nem" : "no" };
  const common: VariableValues = {
    "sender.name": sender ? `${sender.lastName} ${sender.firstName}`.trim() || sender.email : "",
    "sender.email": sender?.email ?? "",
    "sender.signature": sender?.emailSignature ?? "",
  };
  const today = zonedToday(req.now, req.timeZone);
  for (const key of ["date.today", ...req.keys]) {
    const plus = /^date\.today(?:\+(\d{1,4}))?$/.exec(key);
    if (!plus) continue;
    const days = Number(plus[1] ?? 0);
    if (days <= maxDateOffsetDays) common[key] = formatCalendarDate(addCalendarDays(today, days), locale);
  }

  const cardsById = new Map(cardRows.map((c) => [c.id, c]));
  return req.items.map(({ cardId, recipient }) => {
    const card = cardsById.get(cardId);
    if (!card) return { ...common, "recipient.name": recipient.name, "recipient.email": recipient.address };
    const onCard = links.filter((l) => l.cardId === cardId).map((l) => l.contact);
    const chosen = recipient.contactId ? linked.get(recipient.contactId) : undefined;
    const person: ContactRow | undefined = chosen?.kind === "person" ? chosen : onCard.find((c) => c.kind === "person");
    const company: ContactRow | undefined =
      chosen?.kind === "company" ? chosen : ((person?.companyId && linked.get(person.companyId)) || onCard.find((c) => c.kind === "company"));
    const values: VariableValues = {
      ...common,
      "card.name": card.name,
      "card.status": card.status,
      "card.owner": `${card.ownerLast ?? ""} ${card.ownerFirst ?? ""}`.trim() || (card.ownerEmail ?? ""),
      "person.firstName": person?.firstName ?? "",
      "person.lastName": person?.lastName ?? "",
      "person.fullName": person ? personFullName(person, locale) : "",
      "person.email": person?.emails[0] ?? "",
      "person.phone": person?.phones[0] ?? "",
      "company.name": company?.name ?? "",
      "company.taxNumber": company?.taxNumber ?? "",
      "company.address": company?.address ?? "",
      "company.website": company?.website ?? "",
      "recipient.name": recipient.name,
      "recipient.email": recipient.address,
    };
    for (const f of fieldRows) {
      if (f.moduleId !== card.moduleId) continue;
      values[`card.field.${f.id}`] = formatFieldValue(f, card.values[f.id], format) ?? "";
    }
    return values;
  });
}
