"use client";

import { useTranslations } from "next-intl";
import { createGroupAction } from "@/app/(app)/settings/groups/actions";
import { Card } from "@/components/ui/card";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";

export function CreateGroupForm() {
  const t = useTranslations("settings.groups");
  const { state, pending, onSubmit, formRef } = useFormAction(createGroupAction, { resetOnSuccess: true });
  return (
    <Card className="p-6">
      <h2 id="create-group-title" className="text-lg font-semibold text-slate-900">
        {t("createTitle")}
      </h2>
      <form ref={formRef} onSubmit={onSubmit} aria-labelledby="create-group-title" noValidate className="mt-4 space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-full max-w-sm">
            <TextField label={t("name")} name="name" state={state} required maxLength={100} autoComplete="off" />
          </div>
          <div className="sm:pt-6">
            <SubmitButton pending={pending} pendingLabel={t("creating")}>
              {t("create")}
            </SubmitButton>
          </div>
        </div>
        <FormMessage state={state} success={state?.ok ? t("createdNotice", { name: state.data.name }) : undefined} />
      </form>
    </Card>
  );
}
