"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { addFieldAction } from "@/app/(app)/settings/modules/actions";
import { fieldError, FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Label, Select, Textarea } from "@/components/ui/input";
import { fieldTypes, type FieldType } from "@/db/schema";

const hasChoices = (type: FieldType) => type === "select" || type === "multi_select";

export function AddFieldForm({ moduleId }: { moduleId: string }) {
  const t = useTranslations("modules.fields");
  const message = useErrorMessage();
  const id = useId();
  const [type, setType] = useState<FieldType>("text");
  const { state, pending, onSubmit, formRef } = useFormAction(
    async (prev: unknown, input: FormData) => {
      const result = await addFieldAction(prev, input);
      if (result.ok) setType("text");
      return result;
    },
    { resetOnSuccess: true },
  );
  const choicesError = fieldError(state, "choices");

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
          <Label htmlFor={`${id}-type`}>{t("type")}</Label>
          <Select id={`${id}-type`} name="type" value={type} onChange={(e) => setType(e.target.value as FieldType)} className="w-auto">
            {fieldTypes.map((ft) => (
              <option key={ft} value={ft}>
                {t(`types.${ft}`)}
              </option>
            ))}
          </Select>
        </div>
        {type === "money" && (
          <div className="w-28">
            <TextField label={t("currency")} name="currency" state={state} defaultValue="HUF" maxLength={3} autoComplete="off" className="uppercase" />
          </div>
        )}
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700 sm:pt-8">
          <input type="checkbox" name="required" value="true" className="size-4 rounded border-slate-300 accent-brand-600" />
          {t("required")}
        </label>
      </div>
      {hasChoices(type) && (
        <div className="max-w-md">
          <Label htmlFor={`${id}-choices`}>{t("choices")}</Label>
          <Textarea
            id={`${id}-choices`}
            name="choices"
            rows={4}
            required
            aria-invalid={choicesError ? true : undefined}
            aria-describedby={`${id}-choices-hint${choicesError ? ` ${id}-choices-error` : ""}`}
          />
          <p id={`${id}-choices-hint`} className="mt-1 text-xs text-slate-500">
            {t("choicesHint")}
          </p>
          {choicesError && (
            <p id={`${id}-choices-error`} className="mt-1 text-xs text-red-700">
              {message(choicesError)}
            </p>
          )}
        </div>
      )}
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      <FormMessage state={state} success={state?.ok ? t("added", { name: state.data.name }) : undefined} />
    </form>
  );
}
