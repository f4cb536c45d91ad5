"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { loginAction } from "@/app/login/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/ui/form";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth.login");
  const [state, action] = useActionState(loginAction, null);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage state={state} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField label={t("email")} name="email" type="email" state={state} required autoComplete="username" autoFocus />
      <TextField label={t("password")} name="password" type="password" state={state} required autoComplete="current-password" />
      <div className="pt-2">
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
