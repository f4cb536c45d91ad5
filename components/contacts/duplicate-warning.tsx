"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { DuplicateContact, VisibleDuplicate } from "@/lib/contacts/find-duplicate-contacts";

/**
 * "A contact with this email already exists": the existing contacts, each with Open (and Use this one,
 * when `onUse` is given), and the caller's "Create anyway" control as children. Contacts the user may
 * not see come as one line that says only what matched — no name, email or link.
 */
export function DuplicateWarning({
  duplicates,
  onUse,
  children,
}: {
  duplicates: DuplicateContact[];
  onUse?: (contact: VisibleDuplicate) => void;
  children: ReactNode;
}) {
  const t = useTranslations("contacts.duplicate");
  const titleId = useId();
  const all = (m: DuplicateContact["matchedBy"][number]) => duplicates.every((d) => d.matchedBy.includes(m));
  const title = all("email") ? t("titleEmail") : all("tax_number") ? t("titleTaxNumber") : t("title");
  return (
    <div role="alert" aria-labelledby={titleId} className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={titleId} className="text-sm font-semibold text-amber-900">
        {title}
      </h3>
      <p className="mt-1 text-sm text-amber-900">{duplicates.every((d) => d.hidden) ? t("bodyHidden") : t("body")}</p>
      <ul className="mt-3 space-y-2">
        {duplicates.map((d) =>
          d.hidden ? (
            <li key="hidden" className="rounded-md bg-white px-3 py-2 text-sm text-slate-700 shadow-xs">
              {d.matchedBy.includes("email") && d.matchedBy.includes("tax_number")
                ? t("hiddenBoth")
                : d.matchedBy.includes("email")
                  ? t("hiddenEmail")
                  : t("hiddenTaxNumber")}
            </li>
          ) : (
            <VisibleDuplicateItem key={d.id} duplicate={d} onUse={onUse} />
          ),
        )}
      </ul>
      <div className="mt-3">{children}</div>
    </div>
  );
}

function VisibleDuplicateItem({ duplicate: d, onUse }: { duplicate: VisibleDuplicate; onUse?: (contact: VisibleDuplicate) => void }) {
  const t = useTranslations("contacts.duplicate");
  const kinds = useTranslations("contacts.kind");
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md bg-white px-3 py-2 text-sm shadow-xs">
      <div className="min-w-0 flex-1">
        <span className="font-medium text-slate-900">{d.name}</span>{" "}
        <span className="text-slate-500">
          · {kinds(d.kind)}
          {d.companyName ? ` · ${d.companyName}` : ""}
        </span>
        <div className="mt-1 flex flex-wrap gap-1">
          {d.matchedBy.map((m) => (
            <Badge key={m} tone="amber">
              {m === "email" ? t("byEmail") : t("byTaxNumber")}
            </Badge>
          ))}
          {d.emails.length > 0 && <span className="truncate text-xs text-slate-500">{d.emails.join(", ")}</span>}
        </div>
      </div>
      <Link
        href={`/contacts/${d.id}`}
        aria-label={t("open", { name: d.name })}
        className="text-sm font-medium text-brand-700 hover:underline"
        target={onUse ? "_blank" : undefined}
      >
        {t("openShort")}
      </Link>
      {onUse && (
        <Button size="sm" variant="secondary" aria-label={`${t("use")}: ${d.name}`} onClick={() => onUse(d)}>
          {t("use")}
        </Button>
      )}
    </li>
  );
}
