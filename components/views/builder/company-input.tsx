"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ContactPicker } from "@/components/contacts/contact-picker";
import { Button } from "@/components/ui/button";
import type { BuilderContact } from "./model";

/**
 * "Company is any of": the chosen companies as removable chips, and the contacts' own search
 * (the companies this user may see) to add one more.
 */
export function CompanyInput({
  chosen,
  ids,
  onPick,
  invalid,
  errorId,
}: {
  chosen: BuilderContact[];
  ids: string[];
  onPick: (companies: BuilderContact[]) => void;
  invalid: boolean;
  errorId: string;
}) {
  const t = useTranslations("view-builder.operand");
  // A new key empties the search box once a company is added.
  const [round, setRound] = useState(0);
  // A chosen id the page could not name (no longer visible): still listed, so it can be removed.
  const named = new Set(chosen.map((c) => c.id));
  const all = [...chosen, ...ids.filter((i) => !named.has(i)).map((i) => ({ id: i, name: "—" }))];
  return (
    <div className="space-y-2" aria-describedby={invalid ? errorId : undefined}>
      {all.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noCompanies")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("companies")}>
          {all.map((c) => (
            <li key={c.id} className="flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-900">
              {c.name}
              <Button size="sm" variant="ghost" className="h-6 px-2" aria-label={t("removeCompany", { name: c.name })} onClick={() => onPick(all.filter((o) => o.id !== c.id))}>
                <span aria-hidden>×</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ContactPicker
        key={round}
        label={t("addCompany")}
        kind="company"
        allowCreate={false}
        onChange={(picked) => {
          if (!picked) return;
          if (!all.some((c) => c.id === picked.id)) onPick([...all, { id: picked.id, name: picked.name }]);
          setRound((r) => r + 1);
        }}
      />
    </div>
  );
}
