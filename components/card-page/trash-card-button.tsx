"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { trashCardAction } from "@/app/(app)/cards/[cardId]/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorMessage } from "@/components/ui/form";

/** "Move to trash", after a confirmation; the server sends the browser back to the module's list. */
export function TrashCardButton({ cardId, cardName }: { cardId: string; cardName: string }) {
  const t = useTranslations("card.trashCard");
  const tc = useTranslations("common");
  const message = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        triggerLabel={t("button")}
        title={t("title")}
        confirmLabel={t("confirm")}
        confirmVariant="danger"
        cancelLabel={tc("cancel")}
        disabled={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await trashCardAction(null, { cardId });
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {t("body", { name: cardName })}
      </ConfirmDialog>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}
