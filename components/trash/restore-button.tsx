"use client";

import { useTranslations } from "next-intl";
import { useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { restoreContactAction } from "@/app/(app)/contacts/actions";
import { restoreCardAction, restoreTodoAction, restoreViewAction } from "@/app/(app)/trash/actions";
import { restoreDocumentAction, restoreFolderAction } from "@/lib/documents/actions";

const restore = { card: restoreCardAction, todo: restoreTodoAction, contact: restoreContactAction, view: restoreViewAction, document: restoreDocumentAction, folder: restoreFolderAction } as const;
const idField = { card: "cardId", todo: "todoId", contact: "contactId", view: "viewId", document: "documentId", folder: "folderId" } as const;

/** "Restore" for one trashed card, todo, contact, view, document or folder (a folder with what went with it); the row leaves the list when it worked. */
export function RestoreButton({ kind, id, name }: { kind: keyof typeof restore; id: string; name: string }) {
  const t = useTranslations("card.trash");
  const message = useErrorMessage();
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => restore[kind](prev, form));
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name={idField[kind]} value={id} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-busy={pending} aria-label={t("restoreLabel", { name })}>
        {t("restore")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {message(state.error)}
        </p>
      )}
    </form>
  );
}
