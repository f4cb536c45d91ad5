"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label, Select } from "@/components/ui/input";
import { sortableFieldTypes, type ViewSort } from "@/lib/views/definition";
import type { BuilderField } from "./model";

const fixed = ["deadline", "name", "activity", "created"] as const;

/** The view's default sort: a fixed one, or a sortable field with its direction. */
export function SortEditor({ fields, value, onChange, error }: { fields: BuilderField[]; value: ViewSort; onChange: (sort: ViewSort) => void; error?: string }) {
  const t = useTranslations("view-builder.sort");
  const tb = useTranslations("view-builder");
  const id = useId();
  const current = value.by === "field" ? value.fieldId : null;
  const sortable = fields.filter((f) => sortableFieldTypes.includes(f.type) && (!f.archived || f.id === current));
  const choose = (raw: string) => {
    if (raw.startsWith("field:")) onChange({ by: "field", fieldId: raw.slice(6), direction: value.by === "field" ? value.direction : "asc" });
    else onChange({ by: raw as (typeof fixed)[number] });
  };
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <Label htmlFor={`${id}-by`}>{t("by")}</Label>
        <Select id={`${id}-by`} value={value.by === "field" ? `field:${value.fieldId}` : value.by} onChange={(e) => choose(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
          {fixed.map((by) => (
            <option key={by} value={by}>
              {t(by)}
            </option>
          ))}
          {sortable.length > 0 && (
            <optgroup label={t("fields")}>
              {sortable.map((f) => (
                <option key={f.id} value={`field:${f.id}`}>
                  {f.archived ? tb("subjects.archivedField", { name: f.name }) : f.name}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </div>
      {value.by === "field" && (
        <div>
          <Label htmlFor={`${id}-dir`}>{t("direction")}</Label>
          <Select id={`${id}-dir`} value={value.direction} onChange={(e) => onChange({ ...value, direction: e.target.value as "asc" | "desc" })}>
            <option value="asc">{t("asc")}</option>
            <option value="desc">{t("desc")}</option>
          </Select>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="w-full text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
