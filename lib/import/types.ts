import type { ImportRowOutcome, ImportSettings, ImportState, ImportTarget, ImportTotals } from "@/db/schema";

/** A source column as the wizard shows it: its header and a few sample values. */
export type ImportColumn = { index: number; header: string; samples: string[] };

/** What a column can fill, for the mapping's select: `key` goes into ImportSettings.mapping. */
export type ImportTargetOption = { key: string; label: string; group: "card" | "company" | "person" | "field" };

/** Why a row is bad (or skipped): an error code under `imports.reasons.` and its values (column, value, …). */
export type ImportReason = { code: string; [key: string]: unknown };

export type ImportBadRow = { rowNumber: number; reason: ImportReason };

/** One import as the wizard and its report page read it (lib/import/get-import.ts). */
export type ImportDraft = {
  id: string;
  target: ImportTarget;
  moduleId: string | null;
  state: ImportState;
  fileName: string;
  format: "csv" | "xlsx" | "paste";
  settings: ImportSettings;
  /** What detection found, shown beside the (changeable) settings. */
  detected: { encoding: string; separator: string; sheets: string[] };
  columns: ImportColumn[];
  /** The first rows as cells, for the preview table. */
  preview: string[][];
  totalRows: number;
  targets: ImportTargetOption[];
  /** The dry run's totals for the current settings, or null. */
  plan: ImportTotals | null;
  totals: ImportTotals;
  doneRows: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
};

/** The dry run's full report: what would happen, and every bad row with its reason. */
export type ImportPlan = { totals: ImportTotals; badRows: ImportBadRow[] };

/** One row of a run's report (lib/import/list-import-rows.ts). */
export type ImportReportRow = { rowNumber: number; outcome: ImportRowOutcome; reason: ImportReason | null; cardId: string | null; name: string | null };

/** What an undo did, and what it left because someone changed it after the import. */
export type ImportUndoResult = {
  trashedCards: number;
  restoredCards: number;
  trashedContacts: number;
  restoredContacts: number;
  /** Changed since the import, so left as they are. */
  changedSince: { rowNumber: number; kind: "card" | "contact"; id: string; name: string }[];
};
