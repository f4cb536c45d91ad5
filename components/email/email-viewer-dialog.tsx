"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { EmailState } from "@/db/schema";
import { EmailStateBadge } from "./email-state-badge";

/**
 * The whole stored email in a frame with no permissions at all (`sandbox=""`), served by
 * /api/emails/<id> with a policy that forbids scripts and remote loads even if opened directly.
 */
export function EmailViewerDialog({ emailId, subject, to, state, lastError, onClose }: { emailId: string; subject: string; to: string; state: EmailState | undefined; lastError: string | null | undefined; onClose: () => void }) {
  const t = useTranslations("email.viewer");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto flex max-h-[calc(100dvh-2rem)] w-[calc(100%-1rem)] max-w-3xl flex-col rounded-lg bg-white p-4 text-left shadow-xl backdrop:bg-slate-900/40 sm:p-6"
    >
      <h2 id={titleId} className="text-lg font-semibold break-words text-slate-900">
        {subject}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("to")}</dt>
        <dd className="break-all text-slate-900">{to}</dd>
        <dt className="text-slate-500">{t("state")}</dt>
        <dd>
          <EmailStateBadge state={state} lastError={lastError} />
        </dd>
      </dl>
      <iframe title={t("frame", { subject })} sandbox="" src={`/api/emails/${emailId}`} className="mt-4 h-[60dvh] w-full rounded-md border border-slate-200 bg-white" />
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
          {t("close")}
        </Button>
      </div>
    </dialog>
  );
}
