"use client";

import { useTranslations } from "next-intl";
import { reorderFieldsAction } from "@/app/(app)/settings/modules/actions";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form";
import type { FieldConfig } from "@/lib/modules/get-module-config";
import { AddFieldForm } from "./add-field-form";
import { FieldRow } from "./field-row";
import { ReorderAnnouncement, useReorder } from "./reorder";

/** The module's custom fields in the order cards show them (archived ones in place, greyed), and a form to add one. */
export function FieldList({ moduleId, fields }: { moduleId: string; fields: FieldConfig[] }) {
  const t = useTranslations("modules.fields");
  const reorder = useReorder(fields, reorderFieldsAction, (fieldIds) => ({ moduleId, fieldIds }));
  return (
    <section aria-labelledby="fields-title">
      <h2 id="fields-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("hint")}</p>
      <Card className="overflow-hidden">
        {fields.length === 0 ? (
          <div className="px-4 py-8 text-center">
            <p className="font-medium text-slate-900">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyBody")}</p>
          </div>
        ) : (
          <ol aria-label={t("listLabel")} className="divide-y divide-slate-200">
            {fields.map((field, index) => (
              <FieldRow key={field.id} field={field} index={index} count={fields.length} reorder={reorder} />
            ))}
          </ol>
        )}
        {reorder.state && !reorder.state.ok && (
          <div className="px-4 pb-3">
            <FormMessage state={reorder.state} />
          </div>
        )}
        <AddFieldForm moduleId={moduleId} />
      </Card>
      <ReorderAnnouncement text={reorder.announcement} />
    </section>
  );
}
