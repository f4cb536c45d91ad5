"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { updateCardAction } from "@/app/(app)/cards/[cardId]/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import type { StatusGroup } from "@/db/schema";
import { CardVersionInputs, useCard } from "./card-context";

type Option = { id: string; label: string; group?: string };

/** A select that saves as soon as it changes; after a refused save it keeps the choice and offers to apply it again. */
function AutoSaveSelect({ name, label, value, options, groups }: { name: "statusId" | "ownerId"; label: string; value: string; options: Option[]; groups?: { id: string; label: string }[] }) {
  const t = useTranslations("card.details");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const { noteResult } = useCard();
  const [draft, setDraft] = useState<string | null>(null);
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, data: FormData) => {
    const result = await updateCardAction(prev, data);
    noteResult(result);
    if (result.ok) setDraft(null);
    return result;
  });
  const shown = draft ?? value;
  const unsaved = draft !== null && draft !== value && !pending;
  const render = (list: Option[]) =>
    list.map((o) => (
      <option key={o.id} value={o.id}>
        {o.label}
      </option>
    ));
  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <CardVersionInputs />
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <Select
          id={id}
          name={name}
          value={shown}
          aria-busy={pending}
          onChange={(e) => {
            setDraft(e.target.value);
            form.current?.requestSubmit();
          }}
        >
          {groups
            ? groups.map((g) => {
                const inGroup = options.filter((o) => o.group === g.id);
                return inGroup.length ? (
                  <optgroup key={g.id} label={g.label}>
                    {render(inGroup)}
                  </optgroup>
                ) : null;
              })
            : render(options)}
        </Select>
        {unsaved && (
          <Button type="submit" size="sm">
            {t("apply")}
          </Button>
        )}
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-slate-500">
        {pending ? t("saving") : ""}
      </p>
      {state && !state.ok && state.error !== "card_stale" && <FormMessage state={state} />}
    </form>
  );
}

export function CardStatusOwner({
  statusId,
  ownerId,
  statuses,
  ownerChoices,
}: {
  statusId: string;
  ownerId: string | null;
  statuses: { id: string; name: string; group: StatusGroup; archivedAt: Date | null }[];
  /** The users this actor may hand the card to (active ones; the current owner even if deactivated). */
  ownerChoices: { id: string; name: string; active: boolean }[];
}) {
  const t = useTranslations("card.details");
  const statusOptions = statuses
    .filter((s) => !s.archivedAt || s.id === statusId)
    .map((s) => ({ id: s.id, label: s.archivedAt ? t("archivedStatus", { name: s.name }) : s.name, group: s.group }));
  const groups = (["open", "won", "lost"] as const).map((g) => ({ id: g, label: t(`statusGroups.${g}`) }));
  const ownerOptions = [
    { id: "", label: t("nobody") },
    ...ownerChoices.map((u) => ({ id: u.id, label: u.active ? u.name : t("deactivated", { name: u.name }) })),
  ];
  return (
    <div className="space-y-3">
      <AutoSaveSelect name="statusId" label={t("status")} value={statusId} options={statusOptions} groups={groups} />
      <AutoSaveSelect name="ownerId" label={t("owner")} value={ownerId ?? ""} options={ownerOptions} />
    </div>
  );
}
