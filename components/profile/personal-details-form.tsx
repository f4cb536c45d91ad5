"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateProfileAction } from "@/app/(app)/profile/actions";
import { FormMessage, SubmitButton, TextField, useFormAction, type FormState } from "@/components/ui/form";
import { Select } from "@/components/ui/input";
import type { Locale } from "@/lib/org/organisation";
import { Field } from "./field";

type Props = { lastName: string; firstName: string; email: string; locale: Locale };

/** Name and language. Saving another language re-renders the whole app in it. */
export function PersonalDetailsForm(initial: Props) {
  const t = useTranslations("profile.personal");
  const tc = useTranslations("common");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => {
    const result = await updateProfileAction(prev, form);
    if (result.ok && result.data.changed.includes("locale")) router.refresh();
    return result;
  });
  const set = (key: keyof Props) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("lastName")} name="lastName" state={state} value={values.lastName} onChange={set("lastName")} required maxLength={100} autoComplete="family-name" />
        <TextField label={t("firstName")} name="firstName" state={state} value={values.firstName} onChange={set("firstName")} required maxLength={100} autoComplete="given-name" />
      </div>
      <TextField label={t("email")} name="emailDisplay" state={state} value={initial.email} readOnly hint={t("emailHint")} className="bg-slate-50 text-slate-600" />
      <Field label={t("language")} name="locale" state={state} hint={t("languageHint")}>
        {(control) => (
          <Select {...control} value={values.locale} onChange={set("locale")} className="sm:max-w-xs">
            <option value="hu" lang="hu">
              {tc("languages.hu")}
            </option>
            <option value="en" lang="en">
              {tc("languages.en")}
            </option>
          </Select>
        )}
      </Field>
      <FormMessage state={state} success={t("saved")} />
      <SubmitButton pending={pending} pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
