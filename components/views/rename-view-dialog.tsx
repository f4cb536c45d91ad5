"use client";

import { useTranslations } from "next-intl";
import { renameViewAction } from "@/app/(app)/modules/[moduleId]/views/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";
import type { ViewSummary } from "@/lib/views/list-views";
import { ViewDialog } from "./view-dialog";

/** "Rename" from the switcher: the name alone, guarded by the version the switcher showed. */
export function RenameViewDialog({ moduleId, view, open, onClose }: { moduleId: string; view: ViewSummary; open: boolean; onClose: () => void }) {
  const t = useTranslations("views.rename");
  return (
    <ViewDialog open={open} title={t("title")} onClose={onClose}>
      {() => <RenameForm key={`${view.id}:${view.version}`} moduleId={moduleId} view={view} onDone={onClose} />}
    </ViewDialog>
  );
}

function RenameForm({ moduleId, view, onDone }: { moduleId: string; view: ViewSummary; onDone: () => void }) {
  const t = useTranslations("views.rename");
  const { state, pending, onSubmit } = useFormAction(async (prev: Parameters<typeof renameViewAction>[0], form: FormData) => {
    const result = await renameViewAction(prev, form);
    if (result.ok) onDone();
    return result;
  });
  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="viewId" value={view.id} />
      <input type="hidden" name="moduleId" value={moduleId} />
      <input type="hidden" name="version" value={view.version} />
      <TextField label={t("name")} name="name" state={state} defaultValue={view.name} maxLength={80} required autoFocus autoComplete="off" />
      {/* Field errors show under the field; the banner only for the rest (e.g. someone saved meanwhile). */}
      {state && !state.ok && !state.fields?.name && <FormMessage state={state} />}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
        <SubmitButton pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
