"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { updateCardAction } from "@/app/(app)/cards/[cardId]/actions";
import { Button } from "@/components/ui/button";
import { fieldError, FormMessage, SubmitButton, useFormAction, type FormState } from "@/components/ui/form";
import type { FieldValue } from "@/db/schema";
import { CardVersionInputs, useCard } from "./card-context";
import { FieldInput, toDraft, type FieldDraft } from "./field-input";
import { formatFieldValue, type FieldLike } from "./format-value";

/**
 * The card's custom fields as one form. Only the fields the user touched are sent, so saving never
 * overwrites what someone else changed in another field; after a conflict the edits stay for a retry.
 */
export function CardFieldsForm({ fields, values }: { fields: FieldLike[]; values: Record<string, FieldValue> }) {
  const t = useTranslations("card.fields");
  const tc = useTranslations("common");
  const locale = useLocale();
  const { users, userName, noteResult, markDirty } = useCard();
  const [draft, setDraft] = useState<Record<string, FieldDraft>>({});
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => {
    const result = await updateCardAction(prev, form);
    noteResult(result);
    if (result.ok) setDraft({});
    return result;
  });
  const live = fields.filter((f) => !f.archivedAt);
  const archived = fields.filter((f) => f.archivedAt && formatFieldValue(f, values[f.id], { locale, userName, yes: t("yes"), no: t("no") }) !== null);
  const dirty = Object.keys(draft).length > 0;
  useEffect(() => markDirty("fields", dirty), [markDirty, dirty]);

  if (live.length === 0 && archived.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("heading")}>
      <CardVersionInputs />
      <input type="hidden" name="values" value={JSON.stringify(draft)} />
      {live.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={draft[field.id] ?? toDraft(field, values[field.id])}
          onChange={(value) => setDraft((d) => ({ ...d, [field.id]: value }))}
          error={fieldError(state, `values.${field.id}`)}
          users={users}
        />
      ))}
      {archived.length > 0 && (
        <dl className="space-y-1 border-t border-slate-100 pt-3 text-sm">
          {archived.map((f) => (
            <div key={f.id} className="flex justify-between gap-2 text-slate-500">
              <dt>{t("archived", { name: f.name })}</dt>
              <dd className="text-right text-slate-700">{formatFieldValue(f, values[f.id], { locale, userName, yes: t("yes"), no: t("no") })}</dd>
            </div>
          ))}
        </dl>
      )}
      {state && !state.ok && state.error !== "card_stale" && <FormMessage state={state} />}
      {state?.ok && !dirty && <FormMessage state={state} success={t("saved")} />}
      {live.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          {dirty ? (
            <SubmitButton pending={pending} pendingLabel={tc("saving")}>
              {t("save")}
            </SubmitButton>
          ) : (
            <Button type="submit" disabled>
              {t("save")}
            </Button>
          )}
          {dirty && (
            <Button variant="ghost" onClick={() => setDraft({})} disabled={pending}>
              {t("discard")}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
