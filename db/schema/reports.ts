import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const reportEventKinds = [
  "created",
  "status",
  "todo_done",
  "email",
  "step",
] as const;
export type ReportEventKind = (typeof reportEventKinds)[number];

/**
 * What reports count, one narrow row per reportable history entry (card created, status change, todo
 * completed, email, automation step). Written by a trigger on `history` in the same statement as the
 * entry (migration 0013, `record_report_events`), so a report of a past month reads what happened
 * then: the owner, the status group and the card's money value as they were at that moment.
 */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    historyId: bigint({ mode: "number" }).notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().$type<ReportEventKind>().notNull(),
    cardId: uuid().notNull(),
    moduleId: uuid().notNull(),
    /** The salesperson it counts for: the card's owner then; a todo's assignee; a hand-written email's sender. */
    userId: uuid(),
    fromStatusId: uuid(),
    toStatusId: uuid(),
    /** The status group entered ("open", "won", "lost"), for created and status rows. */
    toGroup: text(),
    /** When the card entered `fromStatusId`: the time spent in it is `at − enteredAt`. */
    enteredAt: timestamp({ withTimezone: true }),
    /** The card's value then (its module's first money field). */
    amount: doublePrecision(),
    currency: text(),
    todoId: uuid(),
    deadline: timestamp({ withTimezone: true }),
    emailId: uuid(),
    byAutomation: boolean().notNull().default(false),
  },
  (t) => [
    index("report_events_at_idx").on(t.at),
    index("report_events_card_idx").on(t.cardId, t.at),
  ],
);

/** Reporting-currency units one unit of `currency` was worth in `month` (its first day), kept by admins. */
export const currencyRates = pgTable(
  "currency_rates",
  {
    currency: text().notNull(),
    month: date({ mode: "string" }).notNull(),
    rate: doublePrecision().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.month] })],
);
