"use client";

import { useTranslations } from "next-intl";
import type { VariableChoice } from "@/lib/email/variables";

/** A variable's name for people: the field's name for card.field.*, else its translation under email.variables. */
export function useVariableLabel(choices: VariableChoice[]): (key: string) => string {
  const t = useTranslations("email.variables");
  return (key) => {
    if (key.startsWith("card.field.")) return choices.find((c) => c.key === key)?.label ?? key;
    const plus = /^date\.today\+(\d+)$/.exec(key);
    if (plus) return t("dateTodayPlus", { days: Number(plus[1]) });
    return t.has(key) ? t(key) : key;
  };
}
