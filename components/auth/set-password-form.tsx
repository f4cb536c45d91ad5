"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { setPasswordAction } from "@/app/set-password/[token]/actions";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";
import { Input, Label } from "@/components/ui/input";

/** The form behind an invitation or password-reset link; on success the server redirects to the login page. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("settings.setPassword");
  const { state, pending, onSubmit } = useFormAction(setPasswordAction);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <div>
        <Label htmlFor={`${id}-email`}>{t("email")}</Label>
        {/* Lets password managers store the new password under the right account. */}
        <Input id={`${id}-email`} type="email" value={email} readOnly autoComplete="username" className="bg-slate-50 text-slate-600" />
      </div>
      <TextField label={t("password")} name="password" type="password" state={state} required autoComplete="new-password" hint={t("passwordHint")} />
      <TextField label={t("confirmation")} name="confirmation" type="password" state={state} required autoComplete="new-password" />
      <div className="pt-2">
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
