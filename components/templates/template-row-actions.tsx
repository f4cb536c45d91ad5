"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import {
  restoreEmailTemplateAction,
  restoreTodoTemplateAction,
  trashEmailTemplateAction,
  trashTodoTemplateAction,
} from "@/app/(app)/modules/[moduleId]/templates/actions";

const actions = {
  trash: { email: trashEmailTemplateAction, todo: trashTodoTemplateAction },
  restore: { email: restoreEmailTemplateAction, todo: restoreTodoTemplateAction },
} as const;
const idField = { email: "templateId", todo: "todoTemplateId" } as const;

/** "Move to trash" (on the Templates page) or "Restore" (on the trash page) for one template; the row leaves the list when it worked. */
export function TemplateRowAction({ verb, kind, id, name }: { verb: "trash" | "restore"; kind: "email" | "todo"; id: string; name: string }) {
  const t = useTranslations("templates.list");
  const tTrash = useTranslations("card.trash");
  const message = useErrorMessage();
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => actions[verb][kind](prev, form));
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name={idField[kind]} value={id} />
      <Button
        type="submit"
        size="sm"
        variant={verb === "trash" ? "ghost" : "secondary"}
        disabled={pending}
        aria-busy={pending}
        aria-label={verb === "trash" ? t("trashLabel", { name }) : tTrash("restoreLabel", { name })}
      >
        {verb === "trash" ? t("trash") : tTrash("restore")}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {message(state.error)}
        </p>
      )}
    </form>
  );
}
