"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Label, Textarea } from "@/components/ui/input";
import { fieldError, TextField, useErrorMessage, type FormState } from "@/components/ui/form";
import type { ContactKind } from "@/db/schema";
import { ContactPicker, type PickedContact } from "./contact-picker";

export type ContactDefaults = {
  name?: string;
  firstName?: string;
  lastName?: string;
  emails?: string[];
  phones?: string[];
  address?: string;
  taxNumber?: string;
  website?: string;
  notes?: string;
};

/** The inputs of a company or a person, named as contactInputSchema expects them. */
export function ContactFields({
  kind,
  state,
  defaults = {},
  company = null,
}: {
  kind: ContactKind;
  state: FormState;
  defaults?: ContactDefaults;
  /** A person's current company. */
  company?: PickedContact | null;
}) {
  const t = useTranslations("contacts.fields");
  const message = useErrorMessage();
  const companyError = fieldError(state, "companyId");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value={kind} />
      {kind === "company" ? (
        <div className="sm:col-span-2">
          <TextField label={t("name")} name="name" state={state} defaultValue={defaults.name} required maxLength={300} autoComplete="organization" />
        </div>
      ) : (
        <>
          <TextField label={t("lastName")} name="lastName" state={state} defaultValue={defaults.lastName} required maxLength={100} autoComplete="family-name" />
          <TextField label={t("firstName")} name="firstName" state={state} defaultValue={defaults.firstName} maxLength={100} autoComplete="given-name" />
          <div className="sm:col-span-2">
            <ContactPicker label={t("company")} name="companyId" kind="company" defaultValue={company} />
            {companyError && <p className="mt-1 text-xs text-red-700">{message(companyError)}</p>}
          </div>
        </>
      )}
      <TextField
        label={t("emails")}
        name="emails"
        state={state}
        defaultValue={defaults.emails?.join(", ")}
        hint={t("listHint")}
        inputMode="email"
        autoComplete="off"
      />
      <TextField label={t("phones")} name="phones" state={state} defaultValue={defaults.phones?.join(", ")} hint={t("listHint")} inputMode="tel" autoComplete="off" />
      <TextField label={t("taxNumber")} name="taxNumber" state={state} defaultValue={defaults.taxNumber} maxLength={50} autoComplete="off" />
      <TextField label={t("website")} name="website" state={state} defaultValue={defaults.website} maxLength={300} inputMode="url" autoComplete="url" />
      <TextAreaField label={t("address")} name="address" state={state} defaultValue={defaults.address} maxLength={500} rows={2} />
      <TextAreaField label={t("notes")} name="notes" state={state} defaultValue={defaults.notes} maxLength={10_000} rows={2} />
    </div>
  );
}

function TextAreaField({
  label,
  name,
  state,
  ...props
}: { label: string; name: string; state: FormState } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const message = useErrorMessage();
  const error = fieldError(state, name);
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...props} />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}
