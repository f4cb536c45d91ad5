"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** Which variables would be empty in this email (the card's fields must be filled, the seed warns). */
export function EmptyVariablesWarning({ variables, label, cardName, role = "status", children }: { variables: string[]; label: (key: string) => string; cardName: string; role?: "status" | "alert"; children?: ReactNode }) {
  const t = useTranslations("email.compose");
  return (
    <div role={role} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">{t("emptyHeading", { count: variables.length, card: cardName })}</p>
      <ul className="mt-1 list-disc pl-5">
        {variables.map((key) => (
          <li key={key}>
            {/* A field's key is an id, which says nothing more than its name. */}
            {label(key)} {!key.startsWith("card.field.") && <code className="text-xs text-amber-800">{`{{${key}}}`}</code>}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
