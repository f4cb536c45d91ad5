"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { updateContactAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, useFormAction } from "@/components/ui/form";
import type { ContactDetails } from "@/lib/contacts/get-contact-page";
import { ContactFields } from "./contact-fields";
import type { PickedContact } from "./contact-picker";
import { withListFieldErrors } from "./form-state";

/**
 * Edits a contact with the version it was loaded with. If someone else saved in between, the server
 * refuses ("contact_stale"), what the user typed stays, and "Show the latest version" closes the form and
 * reloads the details (editing again starts from them).
 */
export function EditContactForm({
  contact,
  company,
  onDone,
}: {
  contact: ContactDetails;
  company: PickedContact | null;
  onDone: (saved: boolean) => void;
}) {
  const t = useTranslations("contacts.detail");
  const router = useRouter();
  const titleId = useId();
  const { state: raw, pending, onSubmit } = useFormAction(updateContactAction);
  const state = withListFieldErrors(raw);
  const stale = raw && !raw.ok && raw.error === "contact_stale";

  useEffect(() => {
    if (raw?.ok) onDone(true);
  }, [raw, onDone]);

  return (
    <form onSubmit={onSubmit} aria-labelledby={titleId} noValidate className="space-y-4">
      <h3 id={titleId} className="sr-only">
        {t("editTitle", { name: contact.name })}
      </h3>
      <input type="hidden" name="contactId" value={contact.id} />
      <input type="hidden" name="version" value={contact.version} />
      <ContactFields kind={contact.kind} state={state} defaults={contact} company={company} />
      {stale ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t("stale")}</p>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              router.refresh();
              onDone(false);
            }}
          >
            {t("loadLatest")}
          </Button>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="ghost" onClick={() => onDone(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
