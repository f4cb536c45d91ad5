import { sql } from "drizzle-orm";
import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const reportEventKinds = ["created", "status", "todo_done", "email", "step"] as const;
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
    // The questions reports still ask of single events: emails (were they sent?) and todos completed
    // late after a period's end (overdue at its end).
    index("report_events_email_idx")
      .on(t.at)
      .where(sql`${t.kind} = 'email'`),
    index("report_events_late_idx")
      .on(t.at, t.userId, t.moduleId, t.deadline)
      .where(sql`${t.kind} = 'todo_done' and ${t.at} > ${t.deadline}`),
  ],
);

export const reportGrains = ["day", "week", "month"] as const;
export type ReportGrain = (typeof reportGrains)[number];

/**
 * report_events summed per day, week (from Monday) and month of the salesperson's own calendar (their
 * group's zone, else the organisation's): a quarter's leaderboard reads three month rows per person and
 * key instead of every event. Written by the same trigger as the events, insert-only (no write waits on
 * another's row); readers fold a slice's rows into one per key (`fold_report_rollups`). A change of a
 * person's calendar rebuilds their rows (`rebuild_report_rollups`).
 */
export const reportRollups = pgTable(
  "report_rollups",
  {
    grain: text().$type<ReportGrain>().notNull(),
    /** The first day of the day, week or month. */
    start: date({ mode: "string" }).notNull(),
    userId: uuid(),
    moduleId: uuid().notNull(),
    /** A report event's kind, or "exit": a card left `statusId` (with the time it spent there in `dwellS`). */
    kind: text().notNull(),
    toGroup: text(),
    statusId: uuid(),
    late: boolean().notNull().default(false),
    currency: text(),
    n: integer().notNull(),
    amount: doublePrecision(),
    dwellS: doublePrecision(),
    /**
     * For exits, the time spent in quarter-octaves: ⌊4·log₂ seconds⌋, so each bucket is 19 % wide. The
     * median is read from these counts (to within half a bucket) without sorting a quarter's moves.
     */
    dwellBucket: smallint(),
    folded: boolean().notNull().default(false),
  },
  (t) => [
    index("report_rollups_slice_idx")
      .on(t.grain, t.start, t.moduleId)
      .where(sql`${t.kind} <> 'exit'`),
    index("report_rollups_exits_idx")
      .on(t.grain, t.start, t.moduleId)
      .where(sql`${t.kind} = 'exit'`),
    index("report_rollups_unfolded_idx")
      .on(t.grain, t.start)
      .where(sql`not ${t.folded}`),
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
