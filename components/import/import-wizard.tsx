"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ImportSettings } from "@/db/schema";
import type { ImportDraft, ImportPlan } from "@/lib/import/types";
import { DryRunStep } from "./dry-run-step";
import { DuplicatesStep } from "./duplicates-step";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import type { ImportActions } from "./types";
import { useErrorText } from "./use-import-text";

const steps = ["preview", "mapping", "duplicates", "dryRun"] as const;
type Step = (typeof steps)[number];

/**
 * The wizard over a stored draft: preview (encoding, separator, sheet) → column mapping → duplicates rule and
 * locale → dry run → Start. Every change is saved on the server (the draft comes back re-read); the dry run
 * writes nothing.
 */
export function ImportWizard({ initial, actions }: { initial: ImportDraft; actions: ImportActions }) {
  const t = useTranslations("imports");
  const errorText = useErrorText();
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<Step>("preview");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);

  const go = (next: Step) => {
    setError(null);
    setStep(next);
  };

  /** Saves a change of settings; the draft (preview, columns, mapping) comes back. */
  const save = async (settings: Partial<ImportSettings>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await actions.updateSettings(null, { importId: draft.id, settings });
      if (!result.ok) {
        setError(errorText(result.error));
        return false;
      }
      setDraft(result.data);
      setPlan(null);
      return true;
    } catch {
      setError(errorText("unexpected"));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const dryRun = async () => {
    setBusy(true);
    setError(null);
    setPlan(null);
    try {
      const result = await actions.dryRun(null, { importId: draft.id });
      if (result.ok) setPlan(result.data);
      else setError(errorText(result.error));
    } catch {
      setError(errorText("unexpected"));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await actions.start(null, { importId: draft.id });
      if (!result.ok) {
        setError(errorText(result.error));
        setBusy(false);
        return;
      }
      // The page renders again as the run: its progress, then its report.
      router.refresh();
    } catch {
      setError(errorText("unexpected"));
      setBusy(false);
    }
  };

  const index = steps.indexOf(step);
  return (
    <div>
      <nav aria-label={t("steps.label")} className="mb-4">
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {steps.map((s, i) => (
            <li key={s} aria-current={s === step ? "step" : undefined} className={cn("flex items-center gap-1.5", s === step ? "font-semibold text-brand-700" : i < index ? "text-slate-700" : "text-slate-500")}>
              <span aria-hidden className={cn("flex size-6 items-center justify-center rounded-full text-xs", s === step ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700")}>
                {i + 2}
              </span>
              {t(`steps.${s}`)}
            </li>
          ))}
        </ol>
      </nav>

      <Card className="p-4 sm:p-6" aria-busy={busy}>
        {step === "preview" && <PreviewStep draft={draft} busy={busy} onChange={save} onNext={() => go("mapping")} />}
        {step === "mapping" && (
          <MappingStep
            draft={draft}
            busy={busy}
            onBack={() => go("preview")}
            onNext={async (mapping) => {
              if (await save({ mapping })) go("duplicates");
            }}
          />
        )}
        {step === "duplicates" && (
          <DuplicatesStep
            settings={draft.settings}
            target={draft.target}
            busy={busy}
            onBack={() => go("mapping")}
            onNext={async (settings) => {
              if (await save(settings)) {
                go("dryRun");
                await dryRun();
              }
            }}
          />
        )}
        {step === "dryRun" && <DryRunStep plan={plan} busy={busy} onBack={() => go("duplicates")} onAgain={dryRun} onStart={start} />}
        {error && (
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
      </Card>
    </div>
  );
}
