"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { createContactAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, useFormAction } from "@/components/ui/form";
import type { ContactKind } from "@/db/schema";
import { ContactFields } from "./contact-fields";
import { DuplicateWarning } from "./duplicate-warning";
import { duplicatesOf, withListFieldErrors } from "./form-state";

/** "New company" / "New person": on a duplicate email or tax number, warns and offers Open or Create anyway; on success opens the new contact. */
export function NewContactForm({ kind, onCancel }: { kind: ContactKind; onCancel: () => void }) {
  const t = useTranslations("contacts");
  const router = useRouter();
  const titleId = useId();
  const { state: raw, pending, onSubmit } = useFormAction(createContactAction);
  const state = withListFieldErrors(raw);
  const duplicates = duplicatesOf(raw);

  useEffect(() => {
    if (raw?.ok) router.push(`/contacts/${raw.data.contactId}`);
  }, [raw, router]);

  return (
    <Card className="p-6">
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        {t(`new.${kind}`)}
      </h2>
      <form onSubmit={onSubmit} aria-labelledby={titleId} noValidate className="mt-4 space-y-4">
        <ContactFields kind={kind} state={state} />
        {duplicates ? (
          <DuplicateWarning duplicates={duplicates}>
            <Button type="submit" size="sm" variant="secondary" name="ignoreDuplicates" value="1" disabled={pending}>
              {t("duplicate.createAnyway")}
            </Button>
          </DuplicateWarning>
        ) : (
          <FormMessage state={state} />
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? t("new.creating") : t("new.create")}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t("new.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
