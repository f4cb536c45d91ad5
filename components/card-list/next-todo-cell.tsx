import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { TodoTypeIcon } from "@/components/todos/todo-type-icon";
import type { CardListRow } from "@/lib/cards/list-cards";
import { deadlineState } from "@/lib/time/org-time";
import { DeadlineLabel, deadlineTone } from "./deadline-label";

/**
 * A row's next todo: type, text, deadline and assignee — red once overdue, bold when due later today,
 * at `now` (the render's). No clock of its own: the server's deadline clock announces every passing
 * deadline and midnight, and the page refetches, so a list of hundreds of rows runs no timers.
 * Renders on the server (the list) and in the browser (the board) alike.
 */
export function NextTodoCell({
  todo,
  now,
  timeZone,
  showAssignee = true,
}: {
  todo: NonNullable<CardListRow["nextTodo"]>;
  now: Date;
  timeZone: string;
  showAssignee?: boolean;
}) {
  const t = useTranslations("cards");
  const state = deadlineState(todo.deadline, now, timeZone);
  const type = t(`deadline.types.${todo.type}`);
  return (
    <div className="flex items-start gap-2">
      <span className={cn("mt-0.5", state === "overdue" ? "text-red-600" : "text-slate-500")} title={type}>
        <TodoTypeIcon type={todo.type} />
        <span className="sr-only">{type}: </span>
      </span>
      <div className="min-w-0">
        <p className={cn("line-clamp-2", deadlineTone[state])}>{todo.text}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs">
          <DeadlineLabel deadline={todo.deadline} now={now} timeZone={timeZone} />
          {showAssignee && <span className="text-slate-500">{t("list.assignee", { name: todo.assignee.name })}</span>}
        </p>
      </div>
    </div>
  );
}
