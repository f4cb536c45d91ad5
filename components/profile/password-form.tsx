"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/(app)/profile/actions";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";

/**
 * Changing one's own password: this browser stays signed in, every other session ends. On success the
 * action redirects back here (`changed`), and the page mounts a fresh, empty form.
 */
export function PasswordForm({ email, changed }: { email: string; changed: boolean }) {
  const t = useTranslations("profile.password");
  const { state, pending, onSubmit } = useFormAction(changePasswordAction);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t("current")} name="currentPassword" type="password" state={state} required autoComplete="current-password" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("new")} name="newPassword" type="password" state={state} required autoComplete="new-password" hint={t("newHint")} />
        <TextField label={t("confirm")} name="confirmPassword" type="password" state={state} required autoComplete="new-password" />
      </div>
      {state ? (
        <FormMessage state={state} />
      ) : (
        changed && (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("changed")}
          </p>
        )
      )}
      <SubmitButton pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
