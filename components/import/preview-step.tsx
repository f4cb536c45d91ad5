"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { ImportSettings } from "@/db/schema";
import type { ImportDraft } from "@/lib/import/types";
import { StepHeading } from "./step-heading";

/** What the engine can decode (lib/import/source.ts importEncodings). */
const encodings = ["UTF-8", "windows-1250", "ISO-8859-2", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1"];
const separators = [
  { value: ";", key: "semicolon" },
  { value: ",", key: "comma" },
  { value: "\t", key: "tab" },
] as const;

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none disabled:bg-slate-50";

/** The first rows as the engine reads them, with the detected encoding, separator and sheet — each changeable. */
export function PreviewStep({
  draft,
  busy,
  onChange,
  onNext,
}: {
  draft: ImportDraft;
  busy: boolean;
  onChange: (settings: Partial<ImportSettings>) => void;
  onNext: () => void;
}) {
  const t = useTranslations("imports.preview");
  const tNav = useTranslations("imports.nav");
  const ids = { encoding: useId(), separator: useId(), sheet: useId() };
  const separatorName = (s: string) => {
    const known = separators.find((x) => x.value === s);
    return known ? t(`separators.${known.key}`) : s;
  };
  const isText = draft.format !== "xlsx";
  const encodingChoices = encodings.includes(draft.settings.encoding) ? encodings : [draft.settings.encoding, ...encodings];
  const separatorChoices = separators.some((s) => s.value === draft.settings.separator) ? separators.map((s) => s.value) : [draft.settings.separator, ...separators.map((s) => s.value)];
  const headers = draft.columns.map((c) => c.header);

  return (
    <section aria-labelledby="import-step-preview">
      <StepHeading id="import-step-preview">
        {t("heading")}
      </StepHeading>
      <p className="text-sm text-slate-700">{t("summary", { file: draft.fileName, rows: draft.totalRows })}</p>
      {draft.format === "csv" && <p className="mt-1 text-sm text-slate-600">{t("detected", { encoding: draft.detected.encoding, separator: separatorName(draft.detected.separator) })}</p>}

      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        {draft.format === "csv" && (
          <>
            <div>
              <label htmlFor={ids.encoding} className="block text-sm font-medium text-slate-800">
                {t("encoding")}
              </label>
              <select id={ids.encoding} className={selectClass} value={draft.settings.encoding} disabled={busy} onChange={(e) => onChange({ encoding: e.target.value })}>
                {encodingChoices.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.separator} className="block text-sm font-medium text-slate-800">
                {t("separator")}
              </label>
              <select id={ids.separator} className={selectClass} value={draft.settings.separator} disabled={busy} onChange={(e) => onChange({ separator: e.target.value })}>
                {separatorChoices.map((s) => (
                  <option key={s} value={s}>
                    {separatorName(s)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {!isText && draft.detected.sheets.length > 0 && (
          <div>
            <label htmlFor={ids.sheet} className="block text-sm font-medium text-slate-800">
              {t("sheet")}
            </label>
            <select id={ids.sheet} className={selectClass} value={draft.settings.sheet ?? draft.detected.sheets[0]} disabled={busy} onChange={(e) => onChange({ sheet: e.target.value })}>
              {draft.detected.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {draft.preview.length === 0 ? (
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("empty")}</p>
      ) : (
        <div className="mt-4 max-h-96 overflow-auto rounded-md border border-slate-200">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("caption", { file: draft.fileName })}</caption>
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-600">
                  {t("rowNumber")}
                </th>
                {headers.map((h, i) => (
                  <th key={i} scope="col" className="px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {draft.preview.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="px-3 py-1.5 text-left text-xs font-normal text-slate-500 tabular-nums">
                    {r + 2}
                  </th>
                  {headers.map((_, c) => (
                    <td key={c} className="max-w-[16rem] truncate px-3 py-1.5 text-slate-800" title={row[c] ?? ""}>
                      {row[c] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="mt-6 flex justify-end gap-2">
        <Button onClick={onNext} disabled={busy || draft.columns.length === 0}>
          {busy ? tNav("saving") : tNav("next")}
        </Button>
      </div>
    </section>
  );
}
