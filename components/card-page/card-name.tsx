"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { updateCardAction } from "@/app/(app)/cards/[cardId]/actions";
import { Button } from "@/components/ui/button";
import { fieldError, FormMessage, SubmitButton, useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { CardVersionInputs, useCard } from "./card-context";

/** The card's name as the page heading, renamed in place. A refused rename keeps the typed name. */
export function CardName({ name }: { name: string }) {
  const t = useTranslations("card.name");
  const tc = useTranslations("common");
  const message = useErrorMessage();
  const { noteResult, markDirty } = useCard();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  /** After leaving the form, focus goes back to the Rename button. */
  const [returnFocus, setReturnFocus] = useState(false);
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => {
    const result = await updateCardAction(prev, form);
    noteResult(result);
    if (result.ok) close();
    return result;
  });
  const dirty = editing && draft.trim() !== name;
  useEffect(() => markDirty("name", dirty), [markDirty, dirty]);
  function close() {
    setEditing(false);
    setReturnFocus(true);
  }

  if (!editing) {
    return (
      <div className="flex min-w-0 items-center gap-2">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{name}</h1>
        <Button
          autoFocus={returnFocus}
          variant="ghost"
          size="sm"
          aria-label={t("rename")}
          title={t("rename")}
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
            <path d="M13.6 3.2a2 2 0 0 1 2.8 2.8l-8.9 8.9-3.8 1 1-3.8 8.9-8.9Z" />
          </svg>
        </Button>
      </div>
    );
  }
  const error = fieldError(state, "name");
  return (
    <form onSubmit={onSubmit} noValidate className="flex w-full max-w-2xl flex-wrap items-start gap-2">
      <CardVersionInputs />
      <div className="min-w-0 flex-1">
        <label htmlFor="card-name-input" className="sr-only">
          {t("label")}
        </label>
        <Input
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          id="card-name-input"
          name="name"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={300}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "card-name-error" : undefined}
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
          className="text-lg font-semibold"
        />
        {error && (
          <p id="card-name-error" className="mt-1 text-xs text-red-700">
            {message(error)}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} pendingLabel={tc("saving")}>
        {t("save")}
      </SubmitButton>
      <Button variant="secondary" onClick={close}>
        {tc("cancel")}
      </Button>
      {state && !state.ok && state.error !== "card_stale" && !error && (
        <div className="w-full">
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}
