"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { DeadlineLabel, deadlineTone } from "@/components/card-list/deadline-label";
import { useOrgNow } from "@/components/card-list/use-org-now";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { deadlineState } from "@/lib/time/org-time";
import type { MyTodo } from "@/lib/todos/list-my-todos";
import { TodoTypeIcon } from "./todo-type-icon";

/** One of my todos: type, text, deadline (just the time today and tomorrow), its card and module, and "Done". */
export function MyTodoItem({ todo, serverNow, timeZone, onDone }: { todo: MyTodo; serverNow: Date; timeZone: string; onDone: () => void }) {
  const t = useTranslations("cards");
  const format = useFormatter();
  const now = useOrgNow(serverNow, timeZone, todo.deadline);
  const state = deadlineState(todo.deadline, now, timeZone);
  const type = t(`deadline.types.${todo.type}`);
  const timeOnly = todo.group === "today" || todo.group === "tomorrow";
  return (
    <li className={cn("flex items-center gap-3 px-4 py-2.5", state === "overdue" && "bg-red-50/40")}>
      <span
        className={cn(
          "grid size-8 shrink-0 place-items-center rounded-full",
          state === "overdue" ? "bg-red-100 text-red-700" : state === "today" ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-500",
        )}
        title={type}
      >
        <TodoTypeIcon type={todo.type} />
        <span className="sr-only">{type}: </span>
      </span>
      <div className="min-w-0 flex-1">
        <p className={cn("line-clamp-2 text-sm break-words sm:truncate", deadlineTone[state])}>{todo.text}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          {timeOnly && state !== "overdue" ? (
            <span className={cn("tabular-nums", deadlineTone[state])}>
              {state === "today" && <span className="sr-only">{t("deadline.dueToday")}: </span>}
              <time dateTime={todo.deadline.toISOString()}>{format.dateTime(todo.deadline, { hour: "numeric", minute: "2-digit", timeZone })}</time>
            </span>
          ) : (
            <DeadlineLabel deadline={todo.deadline} now={now} timeZone={timeZone} />
          )}
          <span aria-hidden className="max-sm:hidden">
            ·
          </span>
          <Link href={`/cards/${todo.card.id}`} className="relative max-w-full truncate max-sm:basis-full sm:max-w-80 font-medium text-slate-700 hover:text-brand-700 hover:underline">
            {todo.card.name}
            <LinkPendingHint className="inset-x-0 bottom-0" />
          </Link>
          <span className="truncate text-slate-500">{t("myTodos.inModule", { module: todo.module.name })}</span>
        </p>
      </div>
      <Button size="sm" variant="secondary" onClick={onDone} aria-label={t("myTodos.doneLabel", { text: todo.text })}>
        <svg className="size-4 text-green-600" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          <path d="m5 10.5 3.5 3.5L15 7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {t("myTodos.done")}
      </Button>
    </li>
  );
}
