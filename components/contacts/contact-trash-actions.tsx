"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { restoreContactAction, trashContactAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorMessage } from "@/components/ui/form";

/** "Move to trash" (asks first) for a live contact, "Restore" for a trashed one — each only when allowed. */
export function ContactTrashActions({
  contactId,
  name,
  trashed,
  canTrash,
  canRestore,
}: {
  contactId: string;
  name: string;
  trashed: boolean;
  canTrash: boolean;
  canRestore: boolean;
}) {
  const t = useTranslations("contacts.detail");
  const cancel = useTranslations("contacts.new")("cancel");
  const message = useErrorMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = (action: typeof trashContactAction) =>
    startTransition(async () => {
      const result = await action(null, { contactId });
      setError(result.ok ? null : result.error);
      if (result.ok) router.refresh();
    });

  if (trashed ? !canRestore : !canTrash) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      {trashed ? (
        <Button size="sm" variant="secondary" disabled={pending} aria-busy={pending} onClick={() => run(restoreContactAction)}>
          {t("restore")}
        </Button>
      ) : (
        <ConfirmDialog
          triggerLabel={t("trash")}
          title={t("trashTitle", { name })}
          confirmLabel={t("trash")}
          confirmVariant="danger"
          cancelLabel={cancel}
          disabled={pending}
          onConfirm={() => run(trashContactAction)}
        >
          {t("trashBody")}
        </ConfirmDialog>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}
