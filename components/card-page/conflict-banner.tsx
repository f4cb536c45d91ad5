"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useCard } from "./card-context";

const knownKinds = new Set([
  "name_changed",
  "status_changed",
  "owner_changed",
  "field_changed",
  "card_trashed",
  "card_restored",
]);

/**
 * Shown when an edit was refused because someone else saved the card first: who changed what, and a
 * Reload button that refetches the page in place — every form keeps what the user typed, so they
 * can look at the new values and save again.
 */
export function ConflictBanner() {
  const t = useTranslations("card.conflict");
  const format = useFormatter();
  const { conflict, reload, reloading, reloaded, dismissReloaded, timeZone } = useCard();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) box.current?.focus();
  }, [conflict]);

  if (!conflict) {
    if (!reloaded) return null;
    return (
      <div role="status" className="sticky top-16 z-10 mb-4 flex items-start justify-between gap-4 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900 shadow-sm">
        <p>{t("reloaded")}</p>
        <button type="button" className="shrink-0 text-sky-800 underline" onClick={dismissReloaded}>
          {t("dismiss")}
        </button>
      </div>
    );
  }


  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="card-conflict-title"
      className="sticky top-16 z-10 mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-md focus:outline-none"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h2 id="card-conflict-title" className="font-semibold">
            {t("title")}
          </h2>
          {conflict.length > 0 && (
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {conflict.map((c, i) => (
                <li key={i}>
                  {t("change", {
                    by: c.by || t("someone"),
                    what: knownKinds.has(c.kind) ? t(`kinds.${c.kind}`, { field: c.field ?? "" }) : t("kinds.other"),
                    at: format.dateTime(new Date(c.at), { dateStyle: "medium", timeStyle: "short", timeZone }),
                  })}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-amber-900">{t("body")}</p>
        </div>
        <Button variant="primary" size="sm" onClick={reload} disabled={reloading} aria-busy={reloading}>
          {t("reload")}
        </Button>
      </div>
    </div>
  );
}
