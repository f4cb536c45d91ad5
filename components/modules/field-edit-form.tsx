"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { updateFieldAction } from "@/app/(app)/settings/modules/actions";
import { Button } from "@/components/ui/button";
import { fieldError, FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Input, Label, Textarea } from "@/components/ui/input";
import type { FieldConfig } from "@/lib/modules/get-module-config";

/**
 * Edits a field: name, required, a money field's currency, a select's choices (renamed in place and
 * added, never removed, so the values cards hold stay valid). The type is fixed.
 */
export function FieldEditForm({ field, onDone }: { field: FieldConfig; onDone: () => void }) {
  const t = useTranslations("modules.fields");
  const message = useErrorMessage();
  const id = useId();
  const { state, pending, onSubmit } = useFormAction(async (prev: unknown, input: FormData) => {
    const result = await updateFieldAction(prev, input);
    if (result.ok) onDone();
    return result;
  });
  const choices = field.options.choices ?? [];
  const isSelect = field.type === "select" || field.type === "multi_select";
  const newChoicesError = fieldError(state, "newChoices") ?? fieldError(state, "choices");

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editLabel", { name: field.name })} className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-4">
      <input type="hidden" name="fieldId" value={field.id} />
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-full max-w-xs">
          <TextField label={t("nameOf", { name: field.name })} name="name" state={state} defaultValue={field.name} required maxLength={100} autoComplete="off" autoFocus />
        </div>
        {field.type === "money" && (
          <div className="w-28">
            <TextField label={t("currency")} name="currency" state={state} defaultValue={field.options.currency ?? "HUF"} maxLength={3} autoComplete="off" className="uppercase" />
          </div>
        )}
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700 sm:pt-8">
          <input type="hidden" name="required" value="false" />
          <input type="checkbox" name="required" value="true" defaultChecked={field.required} className="size-4 rounded border-slate-300 accent-brand-600" />
          {t("required")}
        </label>
      </div>
      {isSelect && (
        <fieldset className="max-w-md space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("choicesLegend")}</legend>
          {choices.map((choice, i) => {
            const error = fieldError(state, `choices.${i}.label`);
            return (
              <div key={choice.id}>
                <input type="hidden" name="choiceIds" value={choice.id} />
                <label htmlFor={`${id}-choice-${i}`} className="sr-only">
                  {t("choiceLabel", { n: i + 1 })}
                </label>
                <Input
                  id={`${id}-choice-${i}`}
                  name="choiceLabels"
                  defaultValue={choice.label}
                  maxLength={100}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-choice-${i}-error` : undefined}
                />
                {error && (
                  <p id={`${id}-choice-${i}-error`} className="mt-1 text-xs text-red-700">
                    {message(error)}
                  </p>
                )}
              </div>
            );
          })}
          <div>
            <Label htmlFor={`${id}-new`}>{t("newChoices")}</Label>
            <Textarea
              id={`${id}-new`}
              name="newChoices"
              rows={3}
              aria-invalid={newChoicesError ? true : undefined}
              aria-describedby={`${id}-new-hint${newChoicesError ? ` ${id}-new-error` : ""}`}
            />
            <p id={`${id}-new-hint`} className="mt-1 text-xs text-slate-500">
              {t("newChoicesHint")}
            </p>
            {newChoicesError && (
              <p id={`${id}-new-error`} className="mt-1 text-xs text-red-700">
                {message(newChoicesError)}
              </p>
            )}
          </div>
        </fieldset>
      )}
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
