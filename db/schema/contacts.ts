import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const contactKinds = ["company", "person"] as const;
export type ContactKind = (typeof contactKinds)[number];

export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<ContactKind>().notNull(),
    /** Display name: the company's name, or "Last First" for a person. */
    name: text().notNull(),
    firstName: text().notNull().default(""),
    lastName: text().notNull().default(""),
    companyId: uuid().references((): AnyPgColumn => contacts.id),
    /** Lower-cased, so duplicate detection is an index lookup. */
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    phones: text().array().notNull().default(sql`'{}'::text[]`),
    address: text().notNull().default(""),
    taxNumber: text().notNull().default(""),
    website: text().notNull().default(""),
    notes: text().notNull().default(""),
    version: integer().notNull().default(1),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("contacts_emails_idx").using("gin", t.emails),
    index("contacts_tax_number_idx").on(t.taxNumber).where(sql`${t.taxNumber} <> ''`),
    index("contacts_company_idx").on(t.companyId),
    index("contacts_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    // Search by part of an email or of a phone number's digits (lib/contacts/contact-search.ts); the two
    // immutable functions are defined in migration 0006.
    index("contacts_emails_trgm_idx").using("gin", sql`contact_emails_text(${t.emails}) gin_trgm_ops`),
    index("contacts_phone_digits_trgm_idx").using("gin", sql`contact_phone_digits(${t.phones}) gin_trgm_ops`),
    // The contact list's keyset order (lower(name), id): pages without sorting every contact.
    index("contacts_live_name_idx").on(sql`lower(${t.name})`, t.id).where(sql`${t.deletedAt} is null`),
    index("contacts_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);
