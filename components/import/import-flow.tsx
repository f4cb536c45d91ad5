"use client";

import type { ImportDraft } from "@/lib/import/types";
import { ImportRun } from "./import-run";
import { ImportWizard } from "./import-wizard";
import type { ImportActions } from "./types";

/** A draft's wizard (preview → columns → duplicates → dry run), or a started import's progress and report. */
export function ImportFlow({ draft, actions }: { draft: ImportDraft; actions: ImportActions }) {
  return draft.state === "draft" ? <ImportWizard key={draft.id} initial={draft} actions={actions} /> : <ImportRun draft={draft} actions={actions} />;
}
