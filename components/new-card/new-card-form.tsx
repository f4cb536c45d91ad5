"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { createCardAction } from "@/app/(app)/modules/[moduleId]/new/actions";
import { FieldInput, toDraft, type FieldDraft } from "@/components/card-page/field-input";
import type { FieldLike } from "@/components/card-page/format-value";
import { ContactPicker, type PickedContact } from "@/components/contacts/contact-picker";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fieldError, FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import type { StatusGroup } from "@/db/schema";
import type { CardUser } from "@/lib/cards/list-card-users";
import { FirstTodoFields } from "./first-todo-fields";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Card className="p-5">
      <section aria-labelledby={id} className="space-y-4">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </section>
    </Card>
  );
}

/** "New card": name, status, owner, custom fields, company and person (pick or create), an optional first todo. */
export function NewCardForm({
  moduleId,
  statuses,
  fields,
  ownerChoices,
  users,
  meId,
  timeZone,
  todoDefault,
}: {
  moduleId: string;
  statuses: { id: string; name: string; group: StatusGroup }[];
  fields: FieldLike[];
  ownerChoices: CardUser[];
  users: CardUser[];
  meId: string;
  timeZone: string;
  todoDefault: { date: string; time: string };
}) {
  const t = useTranslations("card.new");
  const td = useTranslations("card.details");
  const message = useErrorMessage();
  const id = useId();
  const { state, pending, onSubmit } = useFormAction(createCardAction);
  const form = useRef<HTMLFormElement>(null);
  // A refused submit: the focus goes to the first field to fix.
  useEffect(() => {
    if (state && !state.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const [values, setValues] = useState<Record<string, FieldDraft>>(() => Object.fromEntries(fields.map((f) => [f.id, toDraft(f, null)])));
  const [company, setCompany] = useState<PickedContact | null>(null);
  const [person, setPerson] = useState<PickedContact | null>(null);
  const firstOpen = statuses.find((s) => s.group === "open") ?? statuses[0];
  const contactIds = [company?.id, person?.id].filter(Boolean);
  const selectError = (name: string) => {
    const code = fieldError(state, name);
    return code ? <p className="mt-1 text-xs text-red-700">{message(code)}</p> : null;
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="moduleId" value={moduleId} />
      <input type="hidden" name="values" value={JSON.stringify(values)} />
      <input type="hidden" name="contactIds" value={JSON.stringify(contactIds)} />

      <Section title={t("cardSection")}>
        <TextField label={t("name")} name="name" state={state} required maxLength={300} autoFocus autoComplete="off" placeholder={t("namePlaceholder")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor={`${id}-status`}>{td("status")}</Label>
            <Select id={`${id}-status`} name="statusId" defaultValue={firstOpen?.id}>
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
            {selectError("statusId")}
          </div>
          <div>
            <Label htmlFor={`${id}-owner`}>{td("owner")}</Label>
            <Select id={`${id}-owner`} name="ownerId" defaultValue={meId}>
              {ownerChoices.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.id === meId ? t("me", { name: u.name }) : u.name}
                </option>
              ))}
              <option value="">{td("nobody")}</option>
            </Select>
            {selectError("ownerId")}
          </div>
        </div>
      </Section>

      <Section title={t("contactsSection")}>
        <p className="-mt-2 text-sm text-slate-600">{t("contactsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <ContactPicker label={t("company")} kind="company" onChange={setCompany} />
          <ContactPicker label={t("person")} kind="person" onChange={setPerson} newPersonCompanyId={company?.id ?? null} />
        </div>
        {selectError("contactIds")}
      </Section>

      {fields.length > 0 && (
        <Section title={t("fieldsSection")}>
          <div className="grid gap-4 sm:grid-cols-2">
            {fields.map((field) => (
              <div key={field.id} className={field.type === "long_text" || field.type === "multi_select" ? "sm:col-span-2" : undefined}>
                <FieldInput
                  field={field}
                  value={values[field.id]}
                  onChange={(v) => setValues((all) => ({ ...all, [field.id]: v }))}
                  error={fieldError(state, `values.${field.id}`)}
                  users={users}
                />
              </div>
            ))}
          </div>
        </Section>
      )}

      <Section title={t("firstTodo")}>
        <FirstTodoFields state={state} users={users} meId={meId} timeZone={timeZone} initial={todoDefault} />
      </Section>

      <FormMessage state={state} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={t("creating")}>
          {t("submit")}
        </SubmitButton>
        <Link href={`/modules/${moduleId}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
