import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, modules, statuses, users, type ContactKind, type StatusGroup } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { forbidden, notFound } from "@/lib/errors";
import { visibleContactsCondition } from "./scope";

export type ContactDetails = {
  id: string;
  kind: ContactKind;
  name: string;
  firstName: string;
  lastName: string;
  companyId: string | null;
  emails: string[];
  phones: string[];
  address: string;
  taxNumber: string;
  website: string;
  notes: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the contact is in the trash. */
  deletedAt: Date | null;
};

export type ContactPerson = { id: string; name: string; emails: string[]; phones: string[] };

export type ContactCard = {
  id: string;
  name: string;
  moduleId: string;
  moduleName: string;
  statusId: string;
  statusName: string;
  statusColor: string;
  statusGroup: StatusGroup;
  ownerId: string | null;
  /** "Last First", or the email when the owner has no name; null for an unowned card. */
  ownerName: string | null;
  lastActivityAt: Date;
};

export type ContactPage = {
  contact: ContactDetails;
  /** A person's company (possibly in the trash: see deletedAt); null when the actor may not see it. */
  company: { id: string; name: string; deletedAt: Date | null } | null;
  /** A company's people (live ones the actor may see), by name. Empty for a person. */
  people: ContactPerson[];
  /** Every live card linked to this contact, in every module — only those the actor may see. */
  cards: ContactCard[];
};

/**
 * Everything the contact page shows, in one query per block: the contact with its company, a
 * company's people, and the contact's cards across modules. The contact, its company and its people
 * are scoped by visibleContactsCondition(actor), the cards by visibleCardsCondition(actor).
 * A trashed contact is still returned (the page says so); an unknown or hidden one is NotFound (a 404
 * either way, so a hidden contact's existence is never confirmed).
 */
export async function getContactPageOrThrow(db: Db, actor: Actor, contactId: string): Promise<ContactPage> {
  if (!can(actor, "contacts.view")) throw forbidden();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(contactId)) throw notFound("contact_not_found");

  const company = alias(contacts, "company");
  const [row] = await db
    .select({
      contact: {
        id: contacts.id,
        kind: contacts.kind,
        name: contacts.name,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        companyId: contacts.companyId,
        emails: contacts.emails,
        phones: contacts.phones,
        address: contacts.address,
        taxNumber: contacts.taxNumber,
        website: contacts.website,
        notes: contacts.notes,
        version: contacts.version,
        createdAt: contacts.createdAt,
        updatedAt: contacts.updatedAt,
        deletedAt: contacts.deletedAt,
      },
      company: { id: company.id, name: company.name, deletedAt: company.deletedAt },
    })
    .from(contacts)
    .leftJoin(company, and(eq(company.id, contacts.companyId), visibleContactsCondition(actor, company)))
    .where(and(eq(contacts.id, contactId), visibleContactsCondition(actor)));
  if (!row) throw notFound("contact_not_found");
  // A company the actor may not see is not even named by id (an edit keeps it: see updateContact).
  const contact: ContactDetails = { ...row.contact, companyId: row.company?.id ? row.contact.companyId : null };

  const [people, cardRows] = await Promise.all([
    contact.kind === "company"
      ? db
          .select({ id: contacts.id, name: contacts.name, emails: contacts.emails, phones: contacts.phones })
          .from(contacts)
          .where(and(eq(contacts.companyId, contactId), isNull(contacts.deletedAt), visibleContactsCondition(actor)))
          .orderBy(asc(contacts.name), asc(contacts.id))
      : Promise.resolve([]),
    db
      .select({
        id: cards.id,
        name: cards.name,
        moduleId: modules.id,
        moduleName: modules.name,
        statusId: statuses.id,
        statusName: statuses.name,
        statusColor: statuses.color,
        statusGroup: statuses.group,
        ownerId: cards.ownerId,
        ownerFirstName: users.firstName,
        ownerLastName: users.lastName,
        ownerEmail: users.email,
        lastActivityAt: cards.lastActivityAt,
      })
      .from(cardContacts)
      .innerJoin(cards, eq(cards.id, cardContacts.cardId))
      .innerJoin(modules, eq(modules.id, cards.moduleId))
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .leftJoin(users, eq(users.id, cards.ownerId))
      .where(and(eq(cardContacts.contactId, contactId), isNull(cards.deletedAt), visibleCardsCondition(actor)))
      .orderBy(asc(modules.position), asc(modules.name), desc(cards.lastActivityAt), asc(cards.id)),
  ]);

  return {
    contact,
    company: row.company?.id ? { id: row.company.id, name: row.company.name, deletedAt: row.company.deletedAt } : null,
    people,
    cards: cardRows.map(({ ownerFirstName, ownerLastName, ownerEmail, ...card }) => ({
      ...card,
      ownerName: card.ownerId ? `${ownerLastName ?? ""} ${ownerFirstName ?? ""}`.trim() || (ownerEmail ?? "") : null,
    })),
  };
}
