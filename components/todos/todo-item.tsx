"use client";

import { useTranslations } from "next-intl";
import { useFormatDeadline } from "@/components/card-list/format-deadline";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { TodoType } from "@/db/schema";
import type { DeadlineState } from "@/lib/time/org-time";
import { TodoTypeIcon } from "./todo-type-icon";

export type TodoItemTodo = { id: string; text: string; type: TodoType; assigneeId: string; assigneeName: string; deadline: Date; state: DeadlineState };

/**
 * One open todo: overdue in red and labelled "Overdue", due later today in bold, a later day plain —
 * the words say it too, never colour alone.
 */
export function TodoItem({
  todo,
  state,
  now,
  timeZone,
  busy,
  onComplete,
  onEdit,
  onTrash,
}: {
  todo: TodoItemTodo;
  /** The live state (it changes as time passes); the server's until the page has mounted. */
  state: DeadlineState;
  now: Date;
  timeZone: string;
  busy: boolean;
  onComplete: () => void;
  onEdit: () => void;
  onTrash: () => void;
}) {
  const t = useTranslations("card.todos");
  const tc = useTranslations("common");
  const deadlineLabel = useFormatDeadline(timeZone);
  return (
    <div className={cn("flex flex-wrap items-start gap-x-3 gap-y-2 rounded-md px-3 py-2.5 sm:flex-nowrap", state === "overdue" && "bg-red-50/60")}>
      <span
        className={cn(
          "mt-0.5 grid size-7 shrink-0 place-items-center rounded-full",
          state === "overdue" ? "bg-red-100 text-red-700" : state === "today" ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600",
        )}
      >
        <TodoTypeIcon type={todo.type} />
      </span>
      <div className="min-w-0 flex-1">
        <p className={cn("text-sm text-slate-900", state === "today" && "font-semibold", state === "overdue" && "font-medium text-red-800")}>{todo.text}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600">
          <span>{t(`types.${todo.type}`)}</span>
          <span aria-hidden>·</span>
          <span className={cn(state === "overdue" && "font-semibold text-red-700", state === "today" && "font-semibold text-slate-900")}>
            {state === "overdue" && <span className="mr-1 rounded bg-red-100 px-1 py-px text-[11px] font-semibold tracking-wide text-red-800 uppercase">{t("overdue")}</span>}
            <time dateTime={todo.deadline.toISOString()}>{deadlineLabel(todo.deadline, now)}</time>
          </span>
          <span aria-hidden>·</span>
          <span>{todo.assigneeName}</span>
        </p>
      </div>
      <div className="flex shrink-0 basis-full items-center gap-1 pl-10 sm:basis-auto sm:pl-0">
        <Button size="sm" variant="secondary" onClick={onComplete} disabled={busy} aria-label={t("completeLabel", { text: todo.text })}>
          {t("complete")}
        </Button>
        <Button size="sm" variant="ghost" onClick={onEdit} disabled={busy} aria-label={t("editLabel", { text: todo.text })}>
          {t("edit")}
        </Button>
        <ConfirmDialog
          triggerLabel={t("trash")}
          triggerAriaLabel={t("trashLabel", { text: todo.text })}
          triggerVariant="ghost"
          title={t("trashTitle")}
          confirmLabel={t("trashConfirm")}
          confirmVariant="danger"
          cancelLabel={tc("cancel")}
          onConfirm={onTrash}
          disabled={busy}
        >
          {t("trashBody", { text: todo.text })}
        </ConfirmDialog>
      </div>
    </div>
  );
}
