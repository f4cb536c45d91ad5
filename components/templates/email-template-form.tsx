"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { fieldError, SubmitButton, TextField, useFormAction, type FormState } from "@/components/ui/form";
import { Label } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import { RichTextEditor } from "./rich-text-editor";
import { useVariableLabel } from "./use-variable-label";
import { VariablePicker, type PickerVariable } from "./variable-picker";

type Initial = { templateId?: string; version?: number; name: string; category: string; subject: string; bodyHtml: string };

/** An error code in the user's language; the variable errors name the variable. */
function useTemplateError() {
  const t = useTranslations("errors");
  return (code: string, details?: Record<string, unknown>) => {
    if (!t.has(code)) return t("unexpected");
    const variable = typeof details?.variable === "string" ? details.variable : "";
    return code.startsWith("template_variable_") ? t(code, { variable }) : t(code);
  };
}

/** New or edit: name, category, subject (plain text, with the picker) and the body in the rich-text editor. */
export function EmailTemplateForm({
  moduleId,
  initial,
  variables,
  categories,
  action,
}: {
  moduleId: string;
  initial: Initial;
  variables: PickerVariable[];
  categories: string[];
  action: (prev: ActionResult<unknown> | null, input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("templates.form");
  const message = useTemplateError();
  const { state, pending, onSubmit } = useFormAction(action);
  const labelFor = useVariableLabel(variables);
  const id = useId();
  const subjectRef = useRef<HTMLInputElement>(null);
  const [subject, setSubject] = useState(initial.subject);
  const failed = state && !state.ok ? state : null;
  const fieldMessage = (name: string) => {
    const code = fieldError(state as FormState, name);
    return code ? message(code, failed?.details) : undefined;
  };
  const subjectError = fieldMessage("subject");
  const bodyError = fieldMessage("bodyHtml");

  const insertIntoSubject = (key: string) => {
    const input = subjectRef.current;
    const token = `{{${key}}}`;
    const start = input?.selectionStart ?? subject.length;
    const end = input?.selectionEnd ?? subject.length;
    const next = subject.slice(0, start) + token + subject.slice(end);
    setSubject(next);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {initial.templateId && <input type="hidden" name="templateId" value={initial.templateId} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <input type="hidden" name="moduleId" value={moduleId} />
      {failed && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message(failed.error, failed.details)}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("name")} name="name" state={state as FormState} defaultValue={initial.name} required maxLength={120} autoComplete="off" />
        <div>
          <TextField label={t("category")} name="category" state={state as FormState} defaultValue={initial.category} maxLength={60} list={`${id}-categories`} autoComplete="off" hint={t("categoryHint")} />
          <datalist id={`${id}-categories`}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
      </div>
      <div>
        <div className="mb-1 flex items-end justify-between gap-2">
          <Label htmlFor={`${id}-subject`} className="mb-0">
            {t("subject")}
          </Label>
          <VariablePicker variables={variables} labelFor={labelFor} onPick={insertIntoSubject} label={t("subjectVariable")} />
        </div>
        <input
          ref={subjectRef}
          className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs placeholder:text-slate-500 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none aria-invalid:border-red-500"
          id={`${id}-subject`}
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value.replace(/[\r\n]+/g, " "))}
          required
          maxLength={200}
          autoComplete="off"
          aria-invalid={subjectError ? true : undefined}
          aria-describedby={subjectError ? `${id}-subject-error` : undefined}
        />
        {subjectError && (
          <p id={`${id}-subject-error`} className="mt-1 text-xs text-red-700">
            {subjectError}
          </p>
        )}
      </div>
      <div>
        <p id={`${id}-body-label`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("body")}
        </p>
        <RichTextEditor
          name="bodyHtml"
          initialHtml={initial.bodyHtml}
          variables={variables}
          labelFor={labelFor}
          labelledBy={`${id}-body-label`}
          describedBy={bodyError ? `${id}-body-error` : `${id}-body-hint`}
          invalid={Boolean(bodyError)}
        />
        {bodyError ? (
          <p id={`${id}-body-error`} className="mt-1 text-xs text-red-700">
            {bodyError}
          </p>
        ) : (
          <p id={`${id}-body-hint`} className="mt-1 text-xs text-slate-500">
            {t("bodyHint")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
        <Link href={`/modules/${moduleId}/templates`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
