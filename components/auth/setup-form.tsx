"use client";

import { useTranslations } from "next-intl";
import { setupAction } from "@/app/setup/actions";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";

export function SetupForm({ timeZones }: { timeZones: string[] }) {
  const t = useTranslations("auth.setup");
  const tl = useTranslations("common.languages");
  const { state, pending, onSubmit } = useFormAction(setupAction);
  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-6" noValidate>
      <FormMessage state={state} />
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("organisation")}</h2>
        <TextField label={t("organisationName")} name="organisationName" state={state} required autoComplete="organization" />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="timeZone">{t("timeZone")}</Label>
            <Select id="timeZone" name="timeZone" defaultValue="Europe/Budapest" aria-describedby="timeZone-hint">
              {timeZones.map((tz) => (
                <option key={tz}>{tz}</option>
              ))}
            </Select>
            <p id="timeZone-hint" className="mt-1 text-xs text-slate-500">
              {t("timeZoneHint")}
            </p>
          </div>
          <div>
            <Label htmlFor="defaultLocale">{t("defaultLanguage")}</Label>
            <Select id="defaultLocale" name="defaultLocale" defaultValue="hu">
              <option value="hu">{tl("hu")}</option>
              <option value="en">{tl("en")}</option>
            </Select>
          </div>
        </div>
      </Card>
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("admin")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("lastName")} name="lastName" state={state} required autoComplete="family-name" />
          <TextField label={t("firstName")} name="firstName" state={state} required autoComplete="given-name" />
        </div>
        <TextField label={t("email")} name="email" type="email" state={state} required autoComplete="email" />
        <TextField label={t("password")} name="password" type="password" state={state} required autoComplete="new-password" hint={t("passwordHint")} />
      </Card>
      <SubmitButton pending={pending} pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
