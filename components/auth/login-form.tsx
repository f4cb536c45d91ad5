"use client";

import { useTranslations } from "next-intl";
import { loginAction } from "@/app/login/actions";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth.login");
  const { state, pending, onSubmit } = useFormAction(loginAction);
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField label={t("email")} name="email" type="email" state={state} required autoComplete="username" autoFocus />
      <TextField label={t("password")} name="password" type="password" state={state} required autoComplete="current-password" />
      <div className="pt-2">
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
