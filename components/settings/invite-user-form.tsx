"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { inviteUserAction } from "@/app/(app)/settings/users/actions";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton, TextField, fieldError, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import type { Role } from "@/db/schema/users";
import { CopyLink } from "./copy-link";

export function InviteUserForm({ roles, groups }: { roles: readonly Role[]; groups: { id: string; name: string }[] }) {
  const t = useTranslations("settings.invite");
  const tr = useTranslations("common.roles");
  const format = useFormatter();
  const message = useErrorMessage();
  const { state, pending, onSubmit, formRef } = useFormAction(inviteUserAction, { resetOnSuccess: true });
  const id = useId();
  const groupsError = fieldError(state, "groupIds");
  const invited = state?.ok ? state.data : null;

  return (
    <Card className="p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      <form ref={formRef} onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate className="mt-4 space-y-4">
        {state && !state.ok && <FormMessage state={state} />}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label={t("lastName")} name="lastName" state={state} required autoComplete="off" />
          <TextField label={t("firstName")} name="firstName" state={state} required autoComplete="off" />
          <TextField label={t("email")} name="email" type="email" state={state} required autoComplete="off" />
          <div>
            <Label htmlFor={`${id}-role`}>{t("role")}</Label>
            <Select id={`${id}-role`} name="role" defaultValue="normal">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {tr(role)}
                </option>
              ))}
            </Select>
          </div>
        </div>
        {groups.length > 0 && (
          <fieldset aria-describedby={`${id}-groups-hint`} aria-invalid={groupsError ? true : undefined}>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("groups")}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {groups.map((group) => (
                <label key={group.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="groupIds" value={group.id} className="size-4 rounded border-slate-300 accent-brand-600" />
                  {group.name}
                </label>
              ))}
            </div>
            <p id={`${id}-groups-hint`} className="mt-1 text-xs text-slate-500">
              {t("groupsHint")}
            </p>
            {groupsError && <p className="mt-1 text-xs text-red-700">{message(groupsError)}</p>}
          </fieldset>
        )}
        <SubmitButton pending={pending} pendingLabel={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </form>
      {invited && (
        <div className="mt-4 space-y-3">
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("created", { email: invited.email })}
          </p>
          <CopyLink
            label={t("linkLabel")}
            path={invited.linkPath}
            hint={t("linkHint", { email: invited.email, expiresAt: format.dateTime(invited.expiresAt, { dateStyle: "long", timeStyle: "short" }) })}
          />
        </div>
      )}
    </Card>
  );
}
