"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { PickerVariable } from "./variable-picker";

const datePlus = /^date\.today\+(\d+)$/;

/** A variable's name for people: a field's own name, else the translated one ("Card name", "Today + 7 days"). */
export function useVariableLabel(variables: PickerVariable[]): (key: string) => string {
  const t = useTranslations("templates.variables");
  return useCallback(
    (key: string) => {
      if (key.startsWith("card.field.")) return variables.find((v) => v.key === key)?.label ?? key;
      const plus = datePlus.exec(key);
      if (plus) return t("todayPlus", { days: Number(plus[1]) });
      return t.has(key) ? t(key) : key;
    },
    [t, variables],
  );
}
