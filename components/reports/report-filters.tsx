import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { periodPresets, type Period } from "@/lib/reports/period";
import type { ReportInput } from "@/lib/reports/report-input";

type Choice = { id: string; name: string };

/**
 * The report's question as a plain GET form: it works before any script has loaded, and every report
 * is a link a manager can bookmark or send.
 */
export async function ReportFilters({
  input,
  period,
  modules,
  groups,
}: {
  input: Partial<ReportInput>;
  period: Period | null;
  modules: Choice[];
  groups: Choice[];
}) {
  const t = await getTranslations("reports.filters");
  const checkboxes = (name: "module" | "group", choices: Choice[], chosen: string[] = []) => (
    <div className="flex max-h-40 flex-col gap-1 overflow-y-auto pr-2">
      {choices.map((c) => (
        <label key={c.id} className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name={name} value={c.id} defaultChecked={chosen.includes(c.id)} className="size-4 rounded border-slate-300" />
          {c.name}
        </label>
      ))}
    </div>
  );
  return (
    <Card className="mb-6 p-4 print:hidden">
      <form method="get" action="/reports" aria-label={t("legend")} className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-3">
          <div>
            <label htmlFor="report-period" className="block text-sm font-medium text-slate-800">
              {t("period")}
            </label>
            <select
              id="report-period"
              name="period"
              defaultValue={input.period ?? "last_month"}
              className="mt-1 h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm"
            >
              {periodPresets.map((p) => (
                <option key={p} value={p}>
                  {t(`presets.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            {(["from", "to"] as const).map((end) => (
              <div key={end}>
                <label htmlFor={`report-${end}`} className="block text-sm font-medium text-slate-800">
                  {t(end)}
                </label>
                <input
                  id={`report-${end}`}
                  type="date"
                  name={end}
                  defaultValue={input[end] ?? period?.[end]}
                  aria-describedby="report-custom-hint"
                  className="mt-1 h-10 w-full rounded-md border border-slate-300 px-2 text-sm"
                />
              </div>
            ))}
          </div>
          <p id="report-custom-hint" className="text-xs text-slate-600">
            {t("customHint")}
          </p>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("modules")}</legend>
          <p className="mb-2 text-xs text-slate-600">{t("allModules")}</p>
          {checkboxes("module", modules, input.module)}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("groups")}</legend>
          <p className="mb-2 text-xs text-slate-600">{t("allGroups")}</p>
          {checkboxes("group", groups, input.group)}
        </fieldset>
        <div className="flex flex-wrap items-center justify-between gap-3 md:col-span-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="compare" value="1" defaultChecked={input.compare} className="size-4 rounded border-slate-300" />
            {t("compare")}
          </label>
          <button type="submit" className={buttonClass("primary")}>
            {t("show")}
          </button>
        </div>
      </form>
    </Card>
  );
}
