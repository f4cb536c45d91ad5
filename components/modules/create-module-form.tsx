"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { createModuleAction } from "@/app/(app)/settings/modules/actions";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";

export function CreateModuleForm() {
  const t = useTranslations("modules.create");
  const { state, pending, onSubmit, formRef } = useFormAction(createModuleAction, { resetOnSuccess: true });
  return (
    <Card className="p-6">
      <h2 id="create-module-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("hint")}</p>
      <form ref={formRef} onSubmit={onSubmit} aria-labelledby="create-module-title" noValidate className="mt-4 space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-full max-w-sm">
            <TextField label={t("name")} name="name" state={state} required maxLength={100} autoComplete="off" placeholder={t("placeholder")} />
          </div>
          <div className="sm:pt-6">
            <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
          </div>
        </div>
        {state?.ok ? (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("created", { name: state.data.name })}{" "}
            <Link href={`/settings/modules/${state.data.moduleId}`} className="font-medium underline">
              {t("configure")}
            </Link>
          </p>
        ) : (
          <FormMessage state={state} />
        )}
      </form>
    </Card>
  );
}
