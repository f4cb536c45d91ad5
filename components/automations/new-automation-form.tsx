"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormMessage, SubmitButton, TextField, fieldError, useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/safe-action";

type Option = { id: string; name: string };

/** "New automation": filter by status or by view → the condition → only new cards → kind → "Add" (then the editor). */
export function NewAutomationForm({
  moduleId,
  statuses,
  views,
  action,
}: {
  moduleId: string;
  statuses: Option[];
  views: Option[];
  action: (prev: ActionResult<undefined> | null, input: FormData) => Promise<ActionResult<undefined>>;
}) {
  const t = useTranslations("automations.new");
  const message = useErrorMessage();
  const id = useId();
  const { state, pending, onSubmit, formRef } = useFormAction(action);
  const [trigger, setTrigger] = useState<"status" | "view">("status");
  const [kind, setKind] = useState<"continuous" | "one_time">("continuous");
  const err = (name: string) => fieldError(state as FormState, name);
  const radio = "size-4 border-slate-300 text-brand-600 focus:ring-brand-500";
  const errorText = (name: string) =>
    err(name) && (
      <p id={`${id}-${name}-error`} className="mt-1 text-xs text-red-700">
        {message(err(name)!)}
      </p>
    );
  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" noValidate>
      <input type="hidden" name="moduleId" value={moduleId} />
      <FormMessage state={state as FormState} />
      <TextField label={t("name")} name="name" state={state as FormState} required maxLength={120} autoComplete="off" />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("trigger")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["status", "view"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="trigger" value={value} checked={trigger === value} onChange={() => setTrigger(value)} className={radio} />
              {value === "status" ? t("triggerStatus") : t("triggerView")}
            </label>
          ))}
        </div>
      </fieldset>
      {trigger === "status" ? (
        <div className="sm:w-1/2">
          <Label htmlFor={`${id}-status`}>{t("status")}</Label>
          <Select id={`${id}-status`} name="statusId" defaultValue="" aria-invalid={err("statusId") ? true : undefined} aria-describedby={err("statusId") ? `${id}-statusId-error` : undefined}>
            <option value="">{t("chooseStatus")}</option>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          {errorText("statusId")}
        </div>
      ) : (
        <div className="sm:w-1/2">
          <Label htmlFor={`${id}-view`}>{t("view")}</Label>
          <Select id={`${id}-view`} name="viewId" defaultValue="" aria-invalid={err("viewId") ? true : undefined} aria-describedby={err("viewId") ? `${id}-viewId-error` : undefined}>
            <option value="">{t("chooseView")}</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </Select>
          {views.length === 0 && <p className="mt-1 text-xs text-slate-600">{t("noViews")}</p>}
          {errorText("viewId")}
        </div>
      )}
      <div>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" name="onlyNew" value="on" disabled={kind === "one_time"} className="mt-0.5 size-4 rounded border-slate-300 text-brand-600" aria-describedby={`${id}-only-new-hint`} />
          <span>
            <span className="font-medium">{t("onlyNew")}</span>
            <span id={`${id}-only-new-hint`} className="block text-xs text-slate-600">
              {t("onlyNewHint")}
            </span>
          </span>
        </label>
        {errorText("onlyNew")}
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(["continuous", "one_time"] as const).map((value) => (
            <label key={value} className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm text-slate-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className={`${radio} mt-0.5`} />
              <span>
                <span className="font-medium">{value === "continuous" ? t("kindContinuous") : t("kindOneTime")}</span>
                <span className="block text-xs text-slate-600">{value === "continuous" ? t("kindContinuousHint") : t("kindOneTimeHint")}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
    </form>
  );
}
