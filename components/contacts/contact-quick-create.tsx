"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type KeyboardEvent } from "react";
import { createContactAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/form";
import { Input, Label } from "@/components/ui/input";
import type { ContactKind } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CreatedContact } from "@/lib/contacts/create-contact";
import type { PickedContact } from "./contact-picker";
import { DuplicateWarning } from "./duplicate-warning";
import { duplicatesOf, withListFieldErrors } from "./form-state";

type Draft = { name: string; lastName: string; firstName: string; email: string; phone: string };

/** "Kovács Anna" typed in the search box → last name Kovács, first name Anna. */
function draftFrom(text: string): Draft {
  const [lastName = "", ...rest] = text.split(/\s+/);
  return { name: text, lastName, firstName: rest.join(" "), email: "", phone: "" };
}

/**
 * The contact picker's inline "create": a few fields, no <form> and no input names (it may sit
 * inside another form), the duplicate warning with "Use this one" / "Create anyway".
 */
export function ContactQuickCreate({
  initialText,
  kind: fixedKind,
  companyId,
  onCreated,
  onCancel,
}: {
  initialText: string;
  kind?: ContactKind;
  companyId: string | null;
  onCreated: (contact: PickedContact) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("contacts");
  const message = useErrorMessage();
  const id = useId();
  const [kind, setKind] = useState<ContactKind>(fixedKind ?? "company");
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initialText));
  const [result, setResult] = useState<ActionResult<CreatedContact> | null>(null);
  const [pending, startTransition] = useTransition();
  const state = withListFieldErrors(result);
  const duplicates = duplicatesOf(result);

  const create = (ignoreDuplicates = false) =>
    startTransition(async () => {
      const input =
        kind === "company"
          ? { kind, name: draft.name, emails: draft.email, phones: draft.phone, ignoreDuplicates }
          : { kind, lastName: draft.lastName, firstName: draft.firstName, companyId, emails: draft.email, phones: draft.phone, ignoreDuplicates };
      const answer = await createContactAction(null, input);
      setResult(answer);
      if (answer.ok) onCreated({ id: answer.data.contactId, kind: answer.data.kind, name: answer.data.name });
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      create();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  const field = (key: keyof Draft, label: string, errorKey: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = state && !state.ok ? state.fields?.[errorKey] : undefined;
    return (
      <div>
        <Label htmlFor={`${id}-${key}`}>{label}</Label>
        <Input
          id={`${id}-${key}`}
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${key}-error` : undefined}
          autoComplete="off"
          {...props}
        />
        {error && (
          <p id={`${id}-${key}-error`} className="mt-1 text-xs text-red-700">
            {message(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {fixedKind ? t(`new.${fixedKind}`) : t("picker.newTitle")}
      </h3>
      {!fixedKind && (
        <fieldset className="mt-2 flex gap-4 text-sm">
          <legend className="sr-only">{t("picker.kindLabel")}</legend>
          {(["company", "person"] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-1.5">
              <input type="radio" checked={kind === k} onChange={() => setKind(k)} className="accent-brand-600" />
              {t(`kind.${k}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {kind === "company" ? (
          <div className="sm:col-span-2">{field("name", t("fields.name"), "name")}</div>
        ) : (
          <>
            {field("lastName", t("fields.lastName"), "name")}
            {field("firstName", t("fields.firstName"), "firstName")}
          </>
        )}
        {field("email", t("fields.emails"), "emails", { inputMode: "email" })}
        {field("phone", t("fields.phones"), "phones", { inputMode: "tel" })}
      </div>
      <div className="mt-3 space-y-3">
        {duplicates ? (
          <DuplicateWarning duplicates={duplicates} onUse={(d) => onCreated({ id: d.id, kind: d.kind, name: d.name, companyName: d.companyName })}>
            <Button size="sm" variant="secondary" disabled={pending} onClick={() => create(true)}>
              {t("duplicate.createAnyway")}
            </Button>
          </DuplicateWarning>
        ) : (
          result &&
          !result.ok &&
          !(state && !state.ok && state.fields && Object.keys(state.fields).length > 0) && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {message(result.error)}
            </p>
          )
        )}
        <div className="flex gap-2">
          <Button size="sm" disabled={pending} aria-busy={pending} onClick={() => create()}>
            {pending ? t("new.creating") : t("new.createAndChoose")}
          </Button>
          <Button size="sm" variant="ghost" onClick={onCancel}>
            {t("new.cancel")}
          </Button>
        </div>
      </div>
    </section>
  );
}
