"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import type { HandOverCounts } from "@/lib/users/list-hand-over-counts";

export type Colleague = { id: string; name: string };

/**
 * "Deactivate" and its dialog (SPEC §1): what the user has open (cards, todos, automations) and,
 * when anything, the colleague who takes it over — required then. A native modal <dialog>: focus
 * stays inside, Escape cancels, Cancel has the focus first.
 */
export function DeactivateUserDialog({
  name,
  counts,
  colleagues,
  disabled,
  onConfirm,
}: {
  name: string;
  counts: HandOverCounts;
  colleagues: Colleague[];
  disabled?: boolean;
  onConfirm: (handOverToId: string | undefined) => void;
}) {
  const t = useTranslations("settings.users");
  const cancel = useTranslations("settings.confirm")("cancel");
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [colleagueId, setColleagueId] = useState("");
  const [missing, setMissing] = useState(false);
  const hasWork = counts.cards + counts.todos + counts.automations > 0;

  const confirm = () => {
    if (hasWork && !colleagueId) {
      setMissing(true);
      return;
    }
    dialog.current?.close();
    onConfirm(hasWork ? colleagueId : undefined);
  };

  return (
    <>
      <Button size="sm" variant="secondary" disabled={disabled} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t("deactivate")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-left whitespace-normal shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {t("deactivateTitle", { name })}
          </h2>
          <div id={`${id}-body`} className="mt-2 space-y-3 text-sm whitespace-normal text-slate-600">
            <p>{t("deactivateBody", { name })}</p>
            {hasWork ? (
              <>
                <p>{t("handOverIntro", { name })}</p>
                <ul className="list-disc space-y-0.5 pl-5 text-slate-800" aria-label={t("handOverListLabel", { name })}>
                  <li>{t("handOverCards", { count: counts.cards })}</li>
                  <li>{t("handOverTodos", { count: counts.todos })}</li>
                  <li>{t("handOverAutomations", { count: counts.automations })}</li>
                </ul>
              </>
            ) : (
              <p>{t("handOverNothing", { name })}</p>
            )}
          </div>
          {hasWork && (
            <div className="mt-4 space-y-1">
              <Label htmlFor={`${id}-to`}>{t("handOverTo")}</Label>
              <Select
                id={`${id}-to`}
                name="handOverToId"
                value={colleagueId}
                required
                aria-invalid={missing || undefined}
                aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ""}`}
                onChange={(e) => {
                  setColleagueId(e.target.value);
                  setMissing(false);
                }}
              >
                <option value="">{t("handOverChoose")}</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
              <p id={`${id}-hint`} className="text-xs text-slate-500">
                {t("handOverHint")}
              </p>
              {missing && (
                <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
                  {t("handOverRequired")}
                </p>
              )}
            </div>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {cancel}
            </Button>
            <Button type="submit" variant="danger">
              {t(hasWork ? "deactivateAndHandOver" : "deactivate")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
