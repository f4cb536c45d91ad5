"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ContactPage } from "@/lib/contacts/get-contact-page";
import { EditContactForm } from "./edit-contact-form";
import { telHref } from "./form-state";

/** A website as typed ("acme.hu") as a safe link target, or null for anything but http(s). */
function websiteHref(website: string): string | null {
  const url = /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The contact's details with click-to-email and click-to-call; "Edit" turns them into the form. */
export function ContactDetailsPanel({ page, canEdit }: { page: Pick<ContactPage, "contact" | "company">; canEdit: boolean }) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const { contact, company } = page;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const onDone = useCallback((didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
  }, []);
  const editable = canEdit && !contact.deletedAt;
  const link = "text-brand-700 hover:underline";
  const empty = <span className="text-slate-500">{t("detail.noValue")}</span>;
  const website = contact.website ? websiteHref(contact.website) : null;

  const rows: { label: string; value: ReactNode; show: boolean }[] = [
    {
      label: t("fields.company"),
      show: contact.kind === "person",
      value: company ? (
        <>
          <Link href={`/contacts/${company.id}`} className={link}>
            {company.name}
          </Link>
          {company.deletedAt && <span className="text-slate-500"> ({t("detail.companyTrashed")})</span>}
        </>
      ) : (
        empty
      ),
    },
    {
      label: t("fields.emails"),
      show: true,
      value: contact.emails.length
        ? contact.emails.map((email) => (
            <a key={email} href={`mailto:${email}`} className={`${link} block break-all`} title={t("detail.emailTo", { email })}>
              {email}
            </a>
          ))
        : empty,
    },
    {
      label: t("fields.phones"),
      show: true,
      value: contact.phones.length
        ? contact.phones.map((phone) => (
            <a key={phone} href={telHref(phone)} className={`${link} block`} title={t("detail.call", { phone })}>
              {phone}
            </a>
          ))
        : empty,
    },
    { label: t("fields.taxNumber"), show: true, value: contact.taxNumber || empty },
    {
      label: t("fields.website"),
      show: true,
      value: !contact.website ? (
        empty
      ) : website ? (
        <a href={website} className={`${link} break-all`} target="_blank" rel="noopener noreferrer">
          {contact.website}
        </a>
      ) : (
        contact.website
      ),
    },
    { label: t("fields.address"), show: true, value: contact.address ? <span className="whitespace-pre-line">{contact.address}</span> : empty },
    { label: t("fields.notes"), show: true, value: contact.notes ? <span className="whitespace-pre-line">{contact.notes}</span> : empty },
  ];

  return (
    <Card className="p-5">
      <section aria-labelledby="contact-details-title">
        <div className="flex items-center justify-between gap-2">
          <h2 id="contact-details-title" className="text-base font-semibold text-slate-900">
            {t("detail.details")}
          </h2>
          {editable && !editing && (
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              {t("detail.edit")}
            </Button>
          )}
        </div>
        {editing && editable ? (
          <div className="mt-4">
            <EditContactForm
              contact={contact}
              company={company ? { id: company.id, kind: "company", name: company.name } : null}
              onDone={onDone}
            />
          </div>
        ) : (
          <>
            {saved && (
              <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
                {t("detail.saved")}
              </p>
            )}
            <dl className="mt-4 space-y-3 text-sm">
              {rows
                .filter((r) => r.show)
                .map((r) => (
                  <div key={r.label} className="grid grid-cols-3 gap-2">
                    <dt className="text-slate-500">{r.label}</dt>
                    <dd className="col-span-2 text-slate-900">{r.value}</dd>
                  </div>
                ))}
            </dl>
            <p className="mt-4 text-xs text-slate-500">{t("detail.createdAt", { date: format.dateTime(contact.createdAt, { dateStyle: "medium" }) })}</p>
          </>
        )}
      </section>
    </Card>
  );
}
