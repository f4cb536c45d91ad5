"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { linkContactAction, unlinkContactAction } from "@/app/(app)/cards/[cardId]/actions";
import { ContactPicker } from "@/components/contacts/contact-picker";
import { ComposeEmailDialog } from "@/components/email/compose-email-dialog";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/form";
import type { CardPageContact } from "@/lib/cards/get-card-page";
import { useCard } from "./card-context";

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** The card's companies and people: click to call, click to email (the compose dialog), open the contact, link and unlink. */
export function CardContacts({ contacts, cardName = "", canEmail = false }: { contacts: CardPageContact[]; cardName?: string; canEmail?: boolean }) {
  const t = useTranslations("card.contacts");
  const te = useTranslations("email.compose");
  const [composeTo, setComposeTo] = useState<string | null>(null);
  const message = useErrorMessage();
  const { cardId } = useCard();
  const [linking, setLinking] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const company = contacts.find((c) => c.kind === "company");

  const run = (action: typeof linkContactAction, contactId: string, done: string) => {
    setError(null);
    startTransition(async () => {
      const result = await action(null, { cardId, contactId });
      if (!result.ok) return setError(result.error);
      setAnnouncement(done);
      setPickerKey((k) => k + 1);
    });
  };

  return (
    <div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {contacts.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {contacts.map((c) => (
            <li key={c.id} className="group rounded-md border border-slate-200 px-3 py-2">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {t(`kind.${c.kind}`)}
                    {c.company ? ` · ${c.company.name}` : ""}
                  </p>
                </div>
                <Button size="sm" variant="ghost" disabled={pending} onClick={() => run(unlinkContactAction, c.id, t("unlinked", { name: c.name }))} aria-label={t("unlinkLabel", { name: c.name })}>
                  {t("unlink")}
                </Button>
              </div>
              {(c.phones.length > 0 || c.emails.length > 0) && (
                <ul className="mt-1.5 space-y-1 text-sm">
                  {c.phones.map((p) => (
                    <li key={p}>
                      <a href={telHref(p)} className="inline-flex items-center gap-1.5 text-brand-700 hover:underline" aria-label={t("call", { phone: p, name: c.name })}>
                        <svg className="size-3.5" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
                          <path d="M4.5 3h3l1.5 4-2 1.2a9 9 0 0 0 4.8 4.8l1.2-2 4 1.5v3a2 2 0 0 1-2 2A14 14 0 0 1 2.5 5a2 2 0 0 1 2-2Z" />
                        </svg>
                        {p}
                      </a>
                    </li>
                  ))}
                  {c.emails.map((e) => {
                    const icon = (
                      <svg className="size-3.5 shrink-0" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
                        <path d="M3 5h14v10H3V5Zm0 0 7 6 7-6" />
                      </svg>
                    );
                    return (
                      <li key={e}>
                        {canEmail ? (
                          <button
                            type="button"
                            aria-haspopup="dialog"
                            onClick={() => setComposeTo(e)}
                            className="inline-flex items-center gap-1.5 text-left break-all text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                            aria-label={t("email", { email: e, name: c.name })}
                          >
                            {icon}
                            {e}
                          </button>
                        ) : (
                          <a href={`mailto:${e}`} className="inline-flex items-center gap-1.5 break-all text-brand-700 hover:underline" aria-label={t("email", { email: e, name: c.name })}>
                            {icon}
                            {e}
                          </a>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {composeTo && (
        <ComposeEmailDialog
          cardId={cardId}
          cardName={cardName}
          to={composeTo}
          onClose={() => setComposeTo(null)}
          onSent={(to) => setAnnouncement(te("queued", { to }))}
        />
      )}
      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message(error)}
        </p>
      )}
      <div className="mt-3">
        {linking ? (
          <div className="space-y-2">
            <ContactPicker
              key={pickerKey}
              label={t("pickLabel")}
              newPersonCompanyId={company?.id ?? null}
              onChange={(contact) => contact && run(linkContactAction, contact.id, t("linked", { name: contact.name }))}
            />
            <Button size="sm" variant="ghost" onClick={() => setLinking(false)}>
              {t("done")}
            </Button>
          </div>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setLinking(true)}>
            {t("link")}
          </Button>
        )}
      </div>
    </div>
  );
}
