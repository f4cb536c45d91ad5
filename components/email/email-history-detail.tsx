"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { EmailState } from "@/db/schema";
import { EmailStateBadge } from "./email-state-badge";
import { EmailViewerDialog } from "./email-viewer-dialog";

/** A card history entry's email: subject (opens the viewer), address and live delivery state. */
export function EmailHistoryDetail({ emailId, subject, to, state, lastError }: { emailId: string; subject: string; to: string; state: EmailState | undefined; lastError: string | null | undefined }) {
  const t = useTranslations("email.history");
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={t("open", { subject })}
        onClick={() => setOpen(true)}
        className="text-left font-medium break-words text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
      >
        {subject}
      </button>
      <p className="mt-0.5 text-xs break-all text-slate-600">{t("to", { to })}</p>
      <div className="mt-1">
        <EmailStateBadge state={state} lastError={lastError} />
      </div>
      {open && <EmailViewerDialog emailId={emailId} subject={subject} to={to} state={state} lastError={lastError} onClose={() => setOpen(false)} />}
    </div>
  );
}
