"use client";

import { useTranslations } from "next-intl";
import { removeRateAction, setRateAction, setReportCurrencyAction } from "@/app/(app)/settings/reports/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";

export function ReportCurrencyForm({ currency }: { currency: string }) {
  const t = useTranslations("reports.settings.currency");
  const { state, pending, onSubmit, formRef } = useFormAction(setReportCurrencyAction);
  return (
    <Card className="p-6">
      <h2 id="report-currency-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <form ref={formRef} onSubmit={onSubmit} aria-labelledby="report-currency-title" noValidate className="mt-4 flex flex-wrap items-start gap-3">
        <div className="w-40">
          <TextField label={t("label")} name="currency" state={state} defaultValue={currency} required maxLength={3} autoComplete="off" className="uppercase" />
        </div>
        <div className="sm:pt-6">
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
        <div className="w-full">
          <FormMessage state={state} success={state?.ok ? t("saved", { currency: state.data.currency }) : undefined} />
        </div>
      </form>
    </Card>
  );
}

export function RateForm({ month }: { month: string }) {
  const t = useTranslations("reports.settings.rates");
  const { state, pending, onSubmit, formRef } = useFormAction(setRateAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label={t("add")} noValidate className="flex flex-wrap items-start gap-3">
      <div className="w-28">
        <TextField label={t("currency")} name="currency" state={state} required maxLength={3} autoComplete="off" className="uppercase" />
      </div>
      <div className="w-44">
        <TextField label={t("month")} name="month" type="month" state={state} defaultValue={month} required />
      </div>
      <div className="w-36">
        <TextField label={t("rate")} name="rate" inputMode="decimal" state={state} required />
      </div>
      <div className="sm:pt-6">
        <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      </div>
      <div className="w-full">
        <FormMessage state={state} success={state?.ok ? t("saved") : undefined} />
      </div>
    </form>
  );
}

export function RemoveRateButton({ currency, month, label }: { currency: string; month: string; label: string }) {
  const t = useTranslations("reports.settings.rates");
  const { run, pending } = useFormAction(removeRateAction);
  return (
    <Button variant="ghost" size="sm" aria-label={label} disabled={pending} onClick={() => run({ currency, month })}>
      {t("remove")}
    </Button>
  );
}
