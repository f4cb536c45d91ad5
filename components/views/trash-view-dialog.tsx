"use client";

import { useTranslations } from "next-intl";
import { trashViewAction } from "@/app/(app)/modules/[moduleId]/views/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, useFormAction } from "@/components/ui/form";
import type { ViewSummary } from "@/lib/views/list-views";
import { ViewDialog } from "./view-dialog";

/** "Move to trash?" for the current view; once it is gone the page goes to `next` (the list without it). */
export function TrashViewDialog({ moduleId, view, next, open, onClose }: { moduleId: string; view: ViewSummary; next: string; open: boolean; onClose: () => void }) {
  const t = useTranslations("views.trashDialog");
  const { state, pending, run } = useFormAction(trashViewAction);
  return (
    <ViewDialog open={open} title={t("title")} onClose={onClose}>
      {() => (
        <>
          <p className="mt-2 text-sm whitespace-normal text-slate-600">{t(view.shared ? "bodyShared" : "bodyPrivate", { name: view.name })}</p>
          {state && !state.ok && (
            <div className="mt-3">
              <FormMessage state={state} />
            </div>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" autoFocus onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button variant="danger" disabled={pending} aria-busy={pending} onClick={() => run({ viewId: view.id, moduleId, next })}>
              {t("confirm")}
            </Button>
          </div>
        </>
      )}
    </ViewDialog>
  );
}
