"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { BuilderField } from "./model";

/**
 * Which custom fields show as columns, in order: the chosen ones first (with up/down), then the rest
 * to tick. Archived fields stay listed only while chosen, so an old view can drop them.
 */
export function ColumnsEditor({ fields, value, onChange, error }: { fields: BuilderField[]; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const t = useTranslations("view-builder.columns");
  const tb = useTranslations("view-builder");
  const id = useId();
  const byId = new Map(fields.map((f) => [f.id, f]));
  const chosen = value.map((id) => byId.get(id)).filter((f): f is BuilderField => f !== undefined);
  const rest = fields.filter((f) => !f.archived && !value.includes(f.id));
  const name = (f: BuilderField) => (f.archived ? tb("subjects.archivedField", { name: f.name }) : f.name);
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  if (fields.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="sr-only">{t("title")}</legend>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {[...chosen, ...rest].map((f) => {
          const index = value.indexOf(f.id);
          return (
            <li key={f.id} className="flex min-h-11 items-center gap-2 px-3 py-1">
              <label className="flex flex-1 items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300 accent-brand-600"
                  checked={index >= 0}
                  onChange={(e) => onChange(e.target.checked ? [...value, f.id] : value.filter((v) => v !== f.id))}
                />
                {name(f)}
              </label>
              {index >= 0 && (
                <span className="flex gap-1">
                  <Button variant="ghost" size="sm" className="px-2" aria-label={t("up", { name: f.name })} disabled={index === 0} onClick={() => move(index, -1)}>
                    <span aria-hidden>↑</span>
                  </Button>
                  <Button variant="ghost" size="sm" className="px-2" aria-label={t("down", { name: f.name })} disabled={index === value.length - 1} onClick={() => move(index, 1)}>
                    <span aria-hidden>↓</span>
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
