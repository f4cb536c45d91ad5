import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { blobs } from "./documents";
import { modules } from "./modules";
import { users } from "./users";

export const importTargets = ["cards", "contacts"] as const;
export type ImportTarget = (typeof importTargets)[number];

export const importStates = ["draft", "queued", "running", "done", "failed", "undone"] as const;
/**
 * draft (uploaded; settings, mapping and dry run in the wizard) → queued (started; a job) → running →
 * done | failed; done → undone. A run that dies resumes from its last committed batch.
 */
export type ImportState = (typeof importStates)[number];

/** The wizard's choices, validated by lib/import/import-input.ts. */
export type ImportSettings = {
  encoding: string;
  separator: string;
  /** XLSX: which sheet. */
  sheet?: string;
  /** Column index → what it fills ("name", "company.name", "person.email", "field:<id>", …); absent: not imported. */
  mapping: Record<string, string>;
  duplicates: { match: ("email" | "tax_number" | "name")[]; action: "skip" | "update" | "create" };
  /** How ambiguous dates and numbers read: "hu" (2026.09.07., 1 050 000,00) or "en" (09/07/2026, 1,050,000.00). */
  locale: "hu" | "en";
};

export type ImportTotals = { rows: number; created: number; updated: number; skipped: number; bad: number };

/** One import: its source (a blob), its settings, its dry run and its progress. */
export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    target: text().$type<ImportTarget>().notNull(),
    /** The module its cards go into; null for a contacts import. */
    moduleId: uuid().references(() => modules.id),
    state: text().$type<ImportState>().notNull().default("draft"),
    fileName: text().notNull(),
    /** "csv" | "xlsx" | "paste". */
    format: text().notNull(),
    sourceBlobId: uuid()
      .notNull()
      .references(() => blobs.id),
    settings: jsonb().$type<ImportSettings>().notNull(),
    /** The dry run's totals (its bad rows are computed again on demand); null until one ran with these settings. */
    plan: jsonb().$type<ImportTotals>(),
    /** The real run's totals so far. */
    totals: jsonb().$type<ImportTotals>().notNull().default({ rows: 0, created: 0, updated: 0, skipped: 0, bad: 0 }),
    /** Data rows in the source, and how many of them the run has committed (the progress bar; the resume point). */
    totalRows: integer().notNull().default(0),
    doneRows: integer().notNull().default(0),
    error: text(),
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    undoneAt: timestamp({ withTimezone: true }),
    undoneById: uuid().references(() => users.id),
  },
  (t) => [index("imports_created_idx").on(t.createdAt, t.id)],
);

export const importRowOutcomes = ["created", "updated", "skipped", "bad"] as const;
export type ImportRowOutcome = (typeof importRowOutcomes)[number];

/**
 * What the run did with each source row, written in the same transaction as the row's cards and
 * contacts (so a batch is all or nothing, and a resumed run skips exactly the committed rows). Undo reads
 * it: `before` holds an updated record's previous values, `after` the versions the import left, so undo
 * restores only what nobody has changed since.
 */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    /** The row's number in the spreadsheet (the header is row 1). */
    rowNumber: integer().notNull(),
    outcome: text().$type<ImportRowOutcome>().notNull(),
    /** Bad and skipped rows: an error code of messages/<locale>/imports.json and its values, e.g. { code: "bad_date", column: "Határidő", value: "31.02." }. */
    reason: jsonb().$type<{ code: string; [key: string]: unknown }>(),
    cardId: uuid(),
    /** Contacts the row created (undo trashes them) and contacts it updated. */
    createdContactIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    updatedContactIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index("import_rows_card_idx").on(t.cardId).where(sql`${t.cardId} is not null`)],
);

/** Every full export (SPEC §10): who, when, how much — visible to admins in Settings → Export. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    /** "," or ";" (Hungarian Excel). */
    separator: text().notNull(),
    /** running → done | failed (the download was cut off or an error stopped it). */
    state: text().$type<"running" | "done" | "failed">().notNull().default("running"),
    rows: bigint({ mode: "number" }).notNull().default(0),
    bytes: bigint({ mode: "number" }).notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("data_exports_started_idx").on(t.startedAt)],
);
