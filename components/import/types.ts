import type { ImportRowOutcome } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ImportSettings } from "@/db/schema";
import type { ImportDraft, ImportPlan, ImportReportRow, ImportUndoResult } from "@/lib/import/types";

type Action<I, T> = (prev: unknown, input: I) => Promise<ActionResult<T>>;

/** The wizard's server actions, passed in by the page (components do not import from app/). */
export type ImportActions = {
  updateSettings: Action<{ importId: string; settings: Partial<ImportSettings> }, ImportDraft>;
  dryRun: Action<{ importId: string }, ImportPlan>;
  start: Action<{ importId: string }, void>;
  undo: Action<{ importId: string }, ImportUndoResult>;
  listRows: Action<{ importId: string; outcome?: ImportRowOutcome; afterRow?: number; limit?: number }, { rows: ImportReportRow[]; nextAfterRow: number | null }>;
};
