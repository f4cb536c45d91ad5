import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cards } from "./cards";
import { contacts } from "./contacts";
import { modules } from "./modules";
import { type TodoType } from "./todos";
import { users } from "./users";
import { views } from "./views";

/**
 * An email template of a module (SPEC §7): subject (plain text) and body (HTML, sanitised on the
 * server before it is stored) with {{variables}} (lib/email/variables.ts). Managers and admins write them.
 */
export const emailTemplates = pgTable(
  "email_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    name: text().notNull(),
    category: text().notNull().default(""),
    subject: text().notNull(),
    bodyHtml: text().notNull(),
    createdById: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("email_templates_module_idx").on(t.moduleId, t.category, t.name).where(sql`${t.deletedAt} is null`),
    index("email_templates_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);

export const todoAssigneeRules = ["card_owner", "user"] as const;
export type TodoAssigneeRule = (typeof todoAssigneeRules)[number];

/** A todo template of a module (SPEC §7): offered in a card's "New todo" and used by automations' steps. */
export const todoTemplates = pgTable(
  "todo_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    text: text().notNull(),
    type: text().$type<TodoType>().notNull().default("task"),
    /** The deadline: this many calendar days after the todo is created, at this time of day (organisation's zone). */
    deadlineDays: integer().notNull().default(0),
    deadlineTime: time().notNull().default("09:00"),
    assigneeRule: text().$type<TodoAssigneeRule>().notNull().default("card_owner"),
    /** When assigneeRule is "user". */
    assigneeId: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("todo_templates_module_idx").on(t.moduleId, t.text).where(sql`${t.deletedAt} is null`),
    index("todo_templates_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);

export const emailKinds = ["card", "bulk", "system"] as const;
/** card: written on a card; bulk: one recipient of a bulk run; system: invitation, password reset. */
export type EmailKind = (typeof emailKinds)[number];

export const emailStates = ["queued", "sent", "failed", "outbox"] as const;
/**
 * queued: waiting for (or between) delivery attempts; sent: the provider accepted it; failed: a
 * permanent failure (retry by hand); outbox: kept, because no mail transport is configured.
 */
export type EmailState = (typeof emailStates)[number];

/** Every email the CRM renders, as rendered: what the recipient got (or will get) is what is stored. */
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<EmailKind>().notNull(),
    cardId: uuid().references(() => cards.id),
    moduleId: uuid().references(() => modules.id),
    /** The bulk run it belongs to (kind "bulk"). */
    runId: uuid(),
    templateId: uuid().references(() => emailTemplates.id),
    /** The user it is sent on behalf of (reply-to is their address); null for system emails. */
    senderId: uuid().references(() => users.id),
    fromName: text().notNull().default(""),
    toAddress: text().notNull(),
    toName: text().notNull().default(""),
    replyTo: text(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    /** Extra headers, e.g. List-Unsubscribe for bulk email. */
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    state: text().$type<EmailState>().notNull().default("queued"),
    /** Which transport took (or keeps) it: "resend", "smtp", "outbox". */
    transport: text(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    /** The provider's (or transport's) last reason, shown on the email. */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("emails_card_idx").on(t.cardId, t.createdAt).where(sql`${t.cardId} is not null`),
    index("emails_undelivered_idx").on(t.state, t.createdAt).where(sql`${t.state} <> 'sent'`),
    index("emails_run_idx").on(t.runId).where(sql`${t.runId} is not null`),
  ],
);

/** Addresses that asked not to get bulk email (RFC 8058 one-click unsubscribe); admins may lift one. */
export const emailSuppressions = pgTable("email_suppressions", {
  /** Lower-cased. */
  address: text().primaryKey(),
  reason: text().$type<"unsubscribed">().notNull().default("unsubscribed"),
  /** The bulk email whose link was used. */
  emailId: uuid().references(() => emails.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const bulkRecipientRules = ["main_person", "all_persons", "company"] as const;
export type BulkRecipientRule = (typeof bulkRecipientRules)[number];

export const bulkRunStates = ["preparing", "sending", "done"] as const;
export type BulkRunState = (typeof bulkRunStates)[number];

/**
 * A one-time bulk email to the cards of a view at one moment (SPEC §7, §8): listed on the module's
 * Automations page with its progress. Counts are kept on the row (updated in the same transaction as
 * each recipient's outcome) so the progress bar is one row read.
 */
export const bulkRuns = pgTable(
  "bulk_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    viewId: uuid().references(() => views.id),
    /** The view's name when the run started (a view can be renamed or trashed later). */
    viewName: text().notNull().default(""),
    templateId: uuid()
      .notNull()
      .references(() => emailTemplates.id),
    recipientRule: text().$type<BulkRecipientRule>().notNull(),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    state: text().$type<BulkRunState>().notNull().default("preparing"),
    total: integer().notNull().default(0),
    sent: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("bulk_runs_module_idx").on(t.moduleId, t.createdAt)],
);

export const bulkOutcomes = ["pending", "sent", "skipped", "failed"] as const;
export type BulkOutcome = (typeof bulkOutcomes)[number];

/** One recipient of a bulk run, chosen when the run starts; its outcome is written once. */
export const bulkRecipients = pgTable(
  "bulk_recipients",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid()
      .notNull()
      .references(() => bulkRuns.id),
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    contactId: uuid().references(() => contacts.id),
    /** Lower-cased; empty when the card had nobody to send to. */
    address: text().notNull().default(""),
    name: text().notNull().default(""),
    outcome: text().$type<BulkOutcome>().notNull().default("pending"),
    /** Why skipped or failed: "no_address", "unsubscribed", "duplicate", or the provider's reason. */
    reason: text(),
    emailId: uuid().references(() => emails.id),
  },
  (t) => [
    index("bulk_recipients_run_idx").on(t.runId, t.outcome, t.id),
    // The same address gets one email per run, even when two runners prepare batches at once.
    uniqueIndex("bulk_recipients_address_idx").on(t.runId, t.address).where(sql`${t.outcome} <> 'skipped'`),
  ],
);

