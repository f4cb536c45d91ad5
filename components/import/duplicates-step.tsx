"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportSettings, ImportTarget } from "@/db/schema";
import { StepHeading } from "./step-heading";

type Match = ImportSettings["duplicates"]["match"][number];
type DuplicateAction = ImportSettings["duplicates"]["action"];

/** How an existing company or person is recognised (email, tax number, name) and what happens then; how dates and numbers read. */
export function DuplicatesStep({
  settings,
  busy,
  onBack,
  onNext,
}: {
  settings: ImportSettings;
  target: ImportTarget;
  busy: boolean;
  onBack: () => void;
  onNext: (settings: Pick<ImportSettings, "duplicates" | "locale">) => void;
}) {
  const t = useTranslations("imports.duplicates");
  const tNav = useTranslations("imports.nav");
  const [match, setMatch] = useState<Match[]>(settings.duplicates.match);
  const [action, setAction] = useState<DuplicateAction>(settings.duplicates.action);
  const [locale, setLocale] = useState<"hu" | "en">(settings.locale);
  const [problem, setProblem] = useState(false);
  const legend = "text-sm font-medium text-slate-800";
  const choice = "flex items-start gap-2 text-sm text-slate-800";

  return (
    <section aria-labelledby="import-step-duplicates">
      <StepHeading id="import-step-duplicates">{t("heading")}</StepHeading>
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (match.length === 0 && action !== "create") return setProblem(true);
          setProblem(false);
          onNext({ duplicates: { match, action }, locale });
        }}
      >
        <fieldset>
          <legend className={legend}>{t("matchLegend")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(["email", "tax_number", "name"] as const).map((m) => (
              <label key={m} className={choice}>
                <input
                  type="checkbox"
                  className="mt-0.5 size-4"
                  checked={match.includes(m)}
                  disabled={busy}
                  onChange={(e) => setMatch(e.target.checked ? [...match, m] : match.filter((x) => x !== m))}
                />
                {t(`match.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={legend}>{t("actionLegend")}</legend>
          <div className="mt-2 space-y-2">
            {(["skip", "update", "create"] as const).map((a) => (
              <label key={a} className={choice}>
                <input type="radio" name="duplicates-action" className="mt-0.5 size-4" checked={action === a} disabled={busy} onChange={() => setAction(a)} />
                {t(`action.${a}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={legend}>{t("localeLegend")}</legend>
          <div className="mt-2 space-y-2">
            {(["hu", "en"] as const).map((l) => (
              <label key={l} className={choice}>
                <input type="radio" name="import-locale" className="mt-0.5 size-4" checked={locale === l} disabled={busy} onChange={() => setLocale(l)} />
                {t(`locale.${l}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {problem && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("noMatch")}
          </p>
        )}
        <div className="flex justify-between gap-2 pt-1">
          <Button variant="secondary" onClick={onBack} disabled={busy}>
            {tNav("back")}
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? tNav("saving") : tNav("next")}
          </Button>
        </div>
      </form>
    </section>
  );
}
