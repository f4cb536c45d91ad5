"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ImportRowOutcome } from "@/db/schema";
import type { ImportDraft, ImportReportRow, ImportUndoResult } from "@/lib/import/types";
import { BadRowsTable } from "./bad-rows-table";
import { StepHeading } from "./step-heading";
import { TotalsList } from "./totals-list";
import type { ImportActions } from "./types";
import { useErrorText } from "./use-import-text";

const pageSize = 100;

/** A page of the report's rows of one outcome, with "Show more". */
function useRows(actions: ImportActions, importId: string, outcome: ImportRowOutcome, enabled: boolean) {
  const [rows, setRows] = useState<ImportReportRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const fetchPage = (afterRow?: number) => actions.listRows(null, { importId, outcome, afterRow, limit: pageSize }).catch(() => null);
  const apply = (afterRow: number | undefined, result: Awaited<ReturnType<typeof fetchPage>>) => {
    setLoading(false);
    if (!result || !result.ok) return setError(result ? result.error : "unexpected");
    setRows((r) => (afterRow === undefined ? result.data.rows : [...r, ...result.data.rows]));
    setNext(result.data.nextAfterRow);
  };
  useEffect(() => {
    if (enabled) void fetchPage().then((result) => apply(undefined, result));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per import and outcome
  }, [importId, outcome, enabled]);
  const more = async (afterRow: number) => {
    setLoading(true);
    apply(afterRow, await fetchPage(afterRow));
  };
  return { rows, more: next === null ? null : () => more(next), loading, error };
}

/** The report of a finished (or failed, or undone) import: totals, bad rows, created cards, the CSV, Undo. */
export function ImportReport({ draft, actions }: { draft: ImportDraft; actions: ImportActions }) {
  const t = useTranslations("imports.report");
  const tUndo = useTranslations("imports.undo");
  const errorText = useErrorText();
  const router = useRouter();
  const [separator, setSeparator] = useState<"," | ";">(";");
  const [undoing, setUndoing] = useState(false);
  const [undo, setUndo] = useState<ImportUndoResult | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const separatorId = useId();
  const bad = useRows(actions, draft.id, "bad", draft.totals.bad > 0);
  const created = useRows(actions, draft.id, "created", draft.totals.created > 0);
  const base = draft.moduleId ? `/modules/${draft.moduleId}/import` : "/contacts/import";

  const runUndo = async () => {
    setUndoing(true);
    setUndoError(null);
    const result = await actions.undo(null, { importId: draft.id }).catch(() => null);
    setUndoing(false);
    if (!result || !result.ok) return setUndoError(errorText(result ? result.error : "unexpected"));
    setUndo(result.data);
    router.refresh();
  };

  return (
    <div className="space-y-6">
      <Card className="p-4 sm:p-6">
        <section aria-labelledby="import-report-heading" className="space-y-4">
          <StepHeading id="import-report-heading">{t("heading")}</StepHeading>
          {draft.state === "failed" ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("failed", { file: draft.fileName, error: errorText(draft.error ?? "unexpected") })}
            </p>
          ) : (
            <p className="text-sm text-slate-700">{t("done", { file: draft.fileName })}</p>
          )}
          {draft.state === "undone" && !undo && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">{t("undone")}</p>}
          <TotalsList totals={draft.totals} />

          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={separatorId} className="block text-sm font-medium text-slate-800">
                {t("separatorLabel")}
              </label>
              <select
                id={separatorId}
                value={separator}
                onChange={(e) => setSeparator(e.target.value === "," ? "," : ";")}
                className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none"
              >
                <option value=";">{t("separatorSemicolon")}</option>
                <option value=",">{t("separatorComma")}</option>
              </select>
            </div>
            <a href={`/api/imports/${draft.id}/report?separator=${encodeURIComponent(separator)}`} download className={buttonClass("secondary")}>
              {t("download")}
            </a>
            {draft.state === "done" && !undo && (
              <ConfirmDialog
                triggerLabel={undoing ? tUndo("working") : tUndo("button")}
                triggerVariant="danger"
                triggerSize="md"
                title={tUndo("title")}
                confirmLabel={tUndo("confirm")}
                confirmVariant="danger"
                cancelLabel={tUndo("cancel")}
                onConfirm={() => void runUndo()}
                disabled={undoing}
              >
                {tUndo("body")}
              </ConfirmDialog>
            )}
          </div>
          {undoError && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {undoError}
            </p>
          )}
          {undo && <UndoResult result={undo} />}
        </section>
      </Card>

      {draft.totals.bad > 0 && (
        <Card className="p-4 sm:p-6">
          <section aria-labelledby="import-bad-rows-heading">
            <h2 id="import-bad-rows-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t("badRowsHeading")}
            </h2>
            <BadRowsTable rows={bad.rows} />
            <RowsFooter list={bad} />
          </section>
        </Card>
      )}

      {draft.totals.created > 0 && (
        <Card className="p-4 sm:p-6">
          <section aria-labelledby="import-created-heading">
            <h2 id="import-created-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {draft.target === "cards" ? t("createdHeading") : t("createdContactsHeading")}
            </h2>
            {created.rows.length === 0 && !created.loading ? (
              <p className="text-sm text-slate-600">{t("noRows")}</p>
            ) : (
              <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
                {created.rows.map((r) => (
                  <li key={r.rowNumber} className="min-w-0 truncate">
                    <span className="mr-2 text-xs text-slate-500 tabular-nums">{r.rowNumber}</span>
                    {r.cardId && draft.state !== "undone" ? (
                      <Link href={`/cards/${r.cardId}`} className="text-brand-700 hover:underline">
                        {r.name ?? r.cardId}
                      </Link>
                    ) : (
                      <span className="text-slate-800">{r.name ?? "–"}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <RowsFooter list={created} />
          </section>
        </Card>
      )}

      <p>
        <Link href={base} className="text-sm text-brand-700 hover:underline">
          {t("backToImports")}
        </Link>
      </p>
    </div>
  );
}

function RowsFooter({ list }: { list: { more: (() => Promise<void>) | null; loading: boolean; error: string | null } }) {
  const t = useTranslations("imports.report");
  const errorText = useErrorText();
  return (
    <>
      {list.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {errorText(list.error)}
        </p>
      )}
      {list.loading && (
        <p role="status" className="mt-2 text-sm text-slate-600">
          {t("loading")}
        </p>
      )}
      {list.more && !list.loading && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => void list.more?.()}>
          {t("loadMore")}
        </Button>
      )}
    </>
  );
}

function UndoResult({ result }: { result: ImportUndoResult }) {
  const t = useTranslations("imports.undo");
  return (
    <div role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
      <p>{t("result", { trashedCards: result.trashedCards, trashedContacts: result.trashedContacts, restoredCards: result.restoredCards, restoredContacts: result.restoredContacts })}</p>
      {result.changedSince.length > 0 && (
        <div className="mt-2">
          <h3 className="font-semibold">{t("changedSinceHeading")}</h3>
          <ul className="mt-1 list-disc pl-5">
            {result.changedSince.map((c) => (
              <li key={`${c.kind}:${c.id}`}>
                {t(`kinds.${c.kind}`)}:{" "}
                {c.kind === "card" ? (
                  <Link href={`/cards/${c.id}`} className="text-brand-700 underline">
                    {c.name}
                  </Link>
                ) : (
                  <Link href={`/contacts/${c.id}`} className="text-brand-700 underline">
                    {c.name}
                  </Link>
                )}{" "}
                <span className="text-green-800">({c.rowNumber})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
