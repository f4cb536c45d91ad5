"use client";

import { useTranslations } from "next-intl";
import { retryEmailAction } from "@/app/(app)/settings/outbox/actions";
import { Button } from "@/components/ui/button";
import { useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";

/** "Send again" for one failed or kept email; says so when it is back in the queue (the list updates on reload). */
export function RetryButton({ emailId, subject }: { emailId: string; subject: string }) {
  const t = useTranslations("outbox");
  const message = useErrorMessage();
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => retryEmailAction(prev, form));
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="emailId" value={emailId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending || Boolean(state?.ok)} aria-busy={pending} aria-label={t("retryLabel", { subject })}>
        {pending && <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
        {t("retry")}
      </Button>
      <span role="status" className="text-xs">
        {state?.ok && <span className="text-green-800">{t("requeued")}</span>}
        {state && !state.ok && <span className="text-red-700">{message(state.error)}</span>}
      </span>
    </form>
  );
}
