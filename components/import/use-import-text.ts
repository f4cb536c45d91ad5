"use client";

import { useTranslations } from "next-intl";
import type { ImportReason } from "@/lib/import/types";

type Values = Record<string, string | number>;

/** An error code as a sentence: errors.<code>, else imports.errors.<code>, else the generic one. */
export function useErrorText() {
  const tErrors = useTranslations("errors");
  const t = useTranslations("imports");
  return (code: string) => (tErrors.has(code) ? tErrors(code) : t.has(`errors.${code}`) ? t(`errors.${code}`) : tErrors("unexpected"));
}

/** Values for a message: strings and numbers as they are, anything else as text. */
export function messageValues(values: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "code" || value === null || value === undefined) continue;
    out[key] = typeof value === "number" || typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : JSON.stringify(value);
  }
  return out;
}

/** A bad or skipped row's reason, translated from imports.reasons.<code> (the engine's codes). */
export function useReasonText() {
  const t = useTranslations("imports");
  return (reason: ImportReason | null) => {
    if (!reason) return "";
    const key = `reasons.${reason.code}`;
    if (!t.has(key)) return t("errors.unknownReason", { code: reason.code });
    try {
      return t(key, messageValues(reason));
    } catch {
      return t("errors.unknownReason", { code: reason.code });
    }
  };
}
