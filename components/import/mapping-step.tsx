"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportDraft, ImportTargetOption } from "@/lib/import/types";
import { StepHeading } from "./step-heading";

const groups: ImportTargetOption["group"][] = ["card", "company", "person", "field"];

/** One labelled select per source column (guessed from its header, or "Don't import"); a target filled twice is refused. */
export function MappingStep({ draft, busy, onBack, onNext }: { draft: ImportDraft; busy: boolean; onBack: () => void; onNext: (mapping: Record<string, string>) => void }) {
  const t = useTranslations("imports.mapping");
  const tTargets = useTranslations("imports.targets");
  const tNav = useTranslations("imports.nav");
  const [mapping, setMapping] = useState<Record<string, string>>(draft.settings.mapping);
  const [problem, setProblem] = useState<string | null>(null);
  const label = (o: ImportTargetOption) => (o.group !== "field" && tTargets.has(o.key) ? tTargets(o.key) : o.label);
  const header = (i: number, h: string) => h.trim() || t("untitled", { number: i + 1 });
  const targets = draft.targets.filter((o) => draft.target === "cards" || o.group !== "field");

  const counts = new Map<string, number>();
  for (const key of Object.values(mapping)) counts.set(key, (counts.get(key) ?? 0) + 1);

  const next = () => {
    const twice = [...counts].find(([, n]) => n > 1);
    if (twice) {
      const option = draft.targets.find((o) => o.key === twice[0]);
      return setProblem(t("usedTwice", { target: option ? label(option) : twice[0] }));
    }
    if (Object.keys(mapping).length === 0) return setProblem(t("noneMapped"));
    setProblem(null);
    onNext(mapping);
  };

  return (
    <section aria-labelledby="import-step-mapping">
      <StepHeading id="import-step-mapping">{t("heading")}</StepHeading>
      <p className="mb-4 text-sm text-slate-600">{t("hint")}</p>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-600">
                {t("column")}
              </th>
              <th scope="col" className="hidden px-3 py-2 text-left text-xs font-semibold text-slate-600 sm:table-cell">
                {t("samples")}
              </th>
              <th scope="col" className="px-3 py-2 text-left text-xs font-semibold text-slate-600">
                {t("target")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {draft.columns.map((column) => {
              const value = mapping[String(column.index)] ?? "";
              const clash = value !== "" && (counts.get(value) ?? 0) > 1;
              return (
                <tr key={column.index}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-medium break-words text-slate-900">
                    {header(column.index, column.header)}
                    <span className="mt-0.5 block text-xs font-normal text-slate-500 sm:hidden">{column.samples.slice(0, 2).join(" · ")}</span>
                  </th>
                  <td className="hidden max-w-xs px-3 py-2 align-top text-slate-600 sm:table-cell">
                    <span className="line-clamp-2 break-words">{column.samples.slice(0, 3).join(" · ")}</span>
                  </td>
                  <td className="px-3 py-2 align-top">
                    <select
                      aria-label={t("selectLabel", { header: header(column.index, column.header) })}
                      aria-invalid={clash || undefined}
                      value={value}
                      disabled={busy}
                      onChange={(e) => {
                        const next = { ...mapping };
                        if (e.target.value === "") delete next[String(column.index)];
                        else next[String(column.index)] = e.target.value;
                        setMapping(next);
                      }}
                      className={`block w-full min-w-[10rem] rounded-md border bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none ${clash ? "border-red-500" : "border-slate-300"}`}
                    >
                      <option value="">{t("dontImport")}</option>
                      {groups.map((g) => {
                        const options = targets.filter((o) => o.group === g);
                        return options.length === 0 ? null : (
                          <optgroup key={g} label={t(`groups.${g}`)}>
                            {options.map((o) => (
                              <option key={o.key} value={o.key}>
                                {label(o)}
                              </option>
                            ))}
                          </optgroup>
                        );
                      })}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problem && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      )}
      <div className="mt-6 flex justify-between gap-2">
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          {tNav("back")}
        </Button>
        <Button onClick={next} disabled={busy}>
          {busy ? tNav("saving") : tNav("next")}
        </Button>
      </div>
    </section>
  );
}
