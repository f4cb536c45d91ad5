"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { archiveFieldAction, restoreFieldAction } from "@/app/(app)/settings/modules/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage, useFormAction } from "@/components/ui/form";
import type { FieldConfig } from "@/lib/modules/get-module-config";
import { FieldEditForm } from "./field-edit-form";
import { ReorderButtons, type useReorder } from "./reorder";

type Reorder = ReturnType<typeof useReorder>;

/** One custom field: name, type and options at a glance; edited in place; moved up or down; archived or restored. */
export function FieldRow({ field, index, count, reorder }: { field: FieldConfig; index: number; count: number; reorder: Reorder }) {
  const t = useTranslations("modules.fields");
  const [editing, setEditing] = useState(false);
  const archive = useFormAction(field.archived ? restoreFieldAction : archiveFieldAction);
  const choices = field.options.choices ?? [];

  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <ReorderButtons id={field.id} name={field.name} index={index} count={count} pending={reorder.pending} onMove={reorder.move} />
        <div className="min-w-0 flex-1 basis-48">
          <div className="flex flex-wrap items-center gap-2">
            <span className={field.archived ? "font-medium text-slate-500" : "font-medium text-slate-900"}>{field.name}</span>
            <Badge tone="brand">{t(`types.${field.type}`)}</Badge>
            {field.type === "money" && <Badge>{field.options.currency ?? "HUF"}</Badge>}
            {field.required && <Badge tone="red">{t("requiredBadge")}</Badge>}
            {field.archived && <Badge tone="amber">{t("archived")}</Badge>}
          </div>
          {choices.length > 0 && (
            <ul aria-label={t("choicesOf", { name: field.name })} className="mt-1.5 flex flex-wrap gap-1">
              {choices.map((c) => (
                <li key={c.id} className="rounded-full border border-slate-200 bg-slate-50 px-2 py-0.5 text-xs text-slate-700">
                  {c.label}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="ml-auto flex gap-2">
          {!field.archived && (
            <Button size="sm" variant="secondary" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
              {t("edit")}
              <span className="sr-only"> {field.name}</span>
            </Button>
          )}
          <Button size="sm" variant="ghost" disabled={archive.pending} aria-busy={archive.pending} onClick={() => archive.run({ fieldId: field.id })}>
            {field.archived ? t("restore") : t("archive")}
            <span className="sr-only"> {field.name}</span>
          </Button>
        </div>
      </div>
      {editing && !field.archived && <FieldEditForm field={field} onDone={() => setEditing(false)} />}
      <div className="mt-2 empty:hidden">
        <FormMessage state={archive.state} />
      </div>
    </li>
  );
}
