import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { modules, statuses } from "./modules";
import { users } from "./users";

/** A custom field's value, keyed by field id in cards.values. */
export type FieldValue = string | number | boolean | string[] | { amount: number; currency: string } | null;

export const cards = pgTable(
  "cards",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    statusId: uuid()
      .notNull()
      .references(() => statuses.id),
    ownerId: uuid().references(() => users.id),
    name: text().notNull(),
    values: jsonb().$type<Record<string, FieldValue>>().notNull().default({}),
    /** Optimistic concurrency: every write bumps it; a write carrying an older one is refused. */
    version: integer().notNull().default(1),
    /** Maintained by the todo verbs: the earliest open todo, so lists sort and page on an index. */
    nextTodoDeadline: timestamp({ withTimezone: true }),
    nextTodoId: uuid(),
    /** Card name + linked contacts' names, emails and phones, lower-cased, for quick search (trigram index). */
    searchText: text().notNull().default(""),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusEnteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    // Keyset pages for the three sorts, live cards only.
    index("cards_module_deadline_idx").on(t.moduleId, t.nextTodoDeadline, t.id).where(sql`${t.deletedAt} is null`),
    index("cards_module_status_deadline_idx").on(t.moduleId, t.statusId, t.nextTodoDeadline, t.id).where(sql`${t.deletedAt} is null`),
    index("cards_module_name_idx").on(t.moduleId, sql`lower(${t.name})`, t.id).where(sql`${t.deletedAt} is null`),
    index("cards_module_created_idx").on(t.moduleId, t.createdAt, t.id).where(sql`${t.deletedAt} is null`),
    index("cards_module_activity_idx").on(t.moduleId, t.lastActivityAt, t.id).where(sql`${t.deletedAt} is null`),
    index("cards_owner_idx").on(t.ownerId),
    // Status counts for scoped roles (Restricted, group roles) filter by owner within a module.
    index("cards_module_owner_status_idx").on(t.moduleId, t.ownerId, t.statusId).where(sql`${t.deletedAt} is null`),
    // View conditions of equality and containment on custom field values (`values @> '{"<field id>": …}'`).
    index("cards_values_idx").using("gin", sql`${t.values} jsonb_path_ops`).where(sql`${t.deletedAt} is null`),
    index("cards_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // The trash, newest first: small, however many live cards there are.
    index("cards_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);

export const cardContacts = pgTable(
  "card_contacts",
  {
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.contactId] }), index("card_contacts_contact_idx").on(t.contactId)],
);

/**
 * Live cards per module and status as a sum of +1/−1 rows, written by triggers on `cards` (migration
 * 0005) and folded together now and then (lib/cards/status-counts.ts). Insert-only, so no card write
 * waits on another's counter row — not even behind a long import.
 */
export const cardCountDeltas = pgTable(
  "card_count_deltas",
  {
    moduleId: uuid().notNull(),
    statusId: uuid().notNull(),
    delta: integer().notNull(),
  },
  (t) => [index("card_count_deltas_module_idx").on(t.moduleId, t.statusId, t.delta)],
);
