"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { EmailState } from "@/db/schema";

const tones: Record<EmailState, string> = {
  queued: "bg-slate-100 text-slate-700",
  sent: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  outbox: "bg-amber-100 text-amber-900",
};

/** An email's delivery state in words, with the reason when it was not delivered. */
export function EmailStateBadge({ state, lastError }: { state: EmailState | undefined; lastError: string | null | undefined }) {
  const t = useTranslations("email.state");
  const shown = state ?? "queued";
  const reason = shown === "outbox" ? t("noTransport") : shown === "failed" && lastError ? lastError : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs">
      <span className={cn("rounded-full px-2 py-0.5 font-medium", tones[shown])}>{t(shown)}</span>
      {reason && <span className="text-slate-600">{reason}</span>}
    </span>
  );
}
