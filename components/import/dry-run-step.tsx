"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ImportPlan } from "@/lib/import/types";
import { BadRowsTable } from "./bad-rows-table";
import { StepHeading } from "./step-heading";
import { TotalsList } from "./totals-list";

const shown = 200;

/** The dry run's report (nothing written): totals and every bad row with its reason; then Start. */
export function DryRunStep({ plan, busy, onBack, onAgain, onStart }: { plan: ImportPlan | null; busy: boolean; onBack: () => void; onAgain: () => void; onStart: () => void }) {
  const t = useTranslations("imports.dryRun");
  const tNav = useTranslations("imports.nav");
  const importable = plan ? plan.totals.created + plan.totals.updated : 0;
  return (
    <section aria-labelledby="import-step-dry-run">
      <StepHeading id="import-step-dry-run">{t("heading")}</StepHeading>
      {!plan ? (
        <p role="status" className="text-sm text-slate-700">
          {busy ? t("running") : ""}
        </p>
      ) : (
        <div className="space-y-4">
          <p role="status" className="text-sm text-slate-700">
            {t("nothingWritten")}
          </p>
          <TotalsList totals={plan.totals} />
          <div>
            <h3 className="mb-1 text-base font-semibold text-slate-900">{t("badRowsHeading")}</h3>
            {plan.badRows.length === 0 ? (
              <p className="text-sm text-slate-700">{t("noBadRows")}</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-slate-600">{t("badRowsHint")}</p>
                <BadRowsTable rows={plan.badRows.slice(0, shown).map((r) => ({ rowNumber: r.rowNumber, reason: r.reason }))} />
                {plan.badRows.length > shown && <p className="mt-2 text-sm text-slate-600">{t("moreBadRows", { count: plan.badRows.length - shown })}</p>}
              </>
            )}
          </div>
          {importable === 0 && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("nothingToImport")}</p>}
        </div>
      )}
      <div className="mt-6 flex flex-wrap justify-between gap-2">
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          {tNav("back")}
        </Button>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onAgain} disabled={busy}>
            {t("again")}
          </Button>
          <Button onClick={onStart} disabled={busy || !plan || importable === 0}>
            {t("start")}
          </Button>
        </div>
      </div>
    </section>
  );
}
