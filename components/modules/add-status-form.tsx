"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { addStatusAction } from "@/app/(app)/settings/modules/actions";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import { statusGroups } from "@/db/schema";

export function AddStatusForm({ moduleId, defaultColor }: { moduleId: string; defaultColor: string }) {
  const t = useTranslations("modules.statuses");
  const id = useId();
  const { state, pending, onSubmit, formRef } = useFormAction(addStatusAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="space-y-3 border-t border-slate-200 bg-slate-50/60 px-4 py-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("addTitle")}
      </h3>
      <input type="hidden" name="moduleId" value={moduleId} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full max-w-xs">
          <TextField label={t("name")} name="name" state={state} required maxLength={100} autoComplete="off" />
        </div>
        <div>
          <Label htmlFor={`${id}-group`}>{t("group")}</Label>
          <Select id={`${id}-group`} name="group" defaultValue="open" className="w-auto">
            {statusGroups.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-color`}>{t("color")}</Label>
          <input
            id={`${id}-color`}
            type="color"
            name="color"
            defaultValue={defaultColor}
            className="h-10 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
        </div>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>{t("add")}</SubmitButton>
        </div>
      </div>
      <FormMessage state={state} success={state?.ok ? t("added", { name: state.data.name }) : undefined} />
    </form>
  );
}
