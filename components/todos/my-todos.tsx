"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { completeMyTodoAction } from "@/app/(app)/todos/actions";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useErrorMessage } from "@/components/ui/form";
import type { MyTodo, MyTodoGroup } from "@/lib/todos/list-my-todos";
import type { TodoGroup } from "@/lib/time/org-time";
import { MyTodoItem } from "./my-todo-item";

const groupTone = { overdue: "text-red-700", today: "text-slate-900", tomorrow: "text-slate-800", later: "text-slate-700" } as const;

/**
 * My todos, grouped overdue / today / tomorrow / later. "Done" takes a todo off at once (and puts it
 * back with the reason if the server refuses), then asks for the card's next step so the work goes on.
 */
export function MyTodos({
  groups,
  expandedGroup,
  serverNow,
  timeZone,
}: {
  groups: MyTodoGroup[];
  /** The group shown in full ("Show all"), from the URL. */
  expandedGroup: TodoGroup | null;
  serverNow: Date;
  timeZone: string;
}) {
  const t = useTranslations("cards.myTodos");
  const errorMessage = useErrorMessage();
  const [shown, hide] = useOptimistic(groups, (state, todoId: string) =>
    state.map((g) => (g.todos.some((x) => x.id === todoId) ? { ...g, count: g.count - 1, todos: g.todos.filter((x) => x.id !== todoId) } : g)),
  );
  const [, startTransition] = useTransition();
  const [completed, setCompleted] = useState<MyTodo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const complete = (todo: MyTodo) => {
    setError(null);
    startTransition(async () => {
      hide(todo.id);
      const result = await completeMyTodoAction(null, { todoId: todo.id });
      if (result.ok) setCompleted(todo);
      else setError(errorMessage(result.error));
    });
  };

  const empty = shown.every((g) => g.count === 0);
  return (
    <div className="space-y-6">
      {completed && (
        <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
          <svg className="size-5 shrink-0 text-green-600" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm3.7 6.2-4.5 5a.75.75 0 0 1-1.1 0l-2-2.2 1.1-1 1.45 1.6 3.95-4.4 1.1 1Z" />
          </svg>
          <span className="min-w-0 flex-1">
            {t("completed", { text: completed.text })} {t("next", { card: completed.card.name })}
          </span>
          <Link href={`/cards/${completed.card.id}`} className="font-medium text-green-800 underline underline-offset-2 hover:text-green-950">
            {t("addNext")}
          </Link>
          <button type="button" onClick={() => setCompleted(null)} className="text-green-700 hover:text-green-950" aria-label={t("dismiss")}>
            <span aria-hidden>×</span>
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {empty ? (
        <EmptyState title={t("emptyTitle")} icon={<CheckIcon />}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        shown.map((group) => (
          <section key={group.group} aria-labelledby={`todo-group-${group.group}`}>
            <h2 id={`todo-group-${group.group}`} className={cn("mb-2 flex items-baseline gap-2 text-sm font-semibold", groupTone[group.group])}>
              {t(`groups.${group.group}`)}
              <span className="text-xs font-normal text-slate-500">
                {group.countCapped ? t("groupCountCapped", { count: group.count }) : t("groupCount", { count: group.count })}
              </span>
            </h2>
            {group.todos.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-200 px-4 py-3 text-sm text-slate-500">{t("groupEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
                {group.todos.map((todo) => (
                  <MyTodoItem key={todo.id} todo={todo} serverNow={serverNow} timeZone={timeZone} onDone={() => complete(todo)} />
                ))}
              </ul>
            )}
            {group.more > 0 && (
              <p className="mt-2 text-xs text-slate-500">
                {group.group === expandedGroup ? (
                  t("more", { count: group.more })
                ) : (
                  <Link href={`/todos?group=${group.group}`} scroll={false} className="font-medium text-brand-700 hover:underline">
                    {t("showAll", { count: group.count, group: t(`groups.${group.group}`) })}
                  </Link>
                )}
              </p>
            )}
            {group.group === expandedGroup && (
              <p className="mt-2 text-xs">
                <Link href="/todos" scroll={false} className="font-medium text-brand-700 hover:underline">
                  {t("showFewer")}
                </Link>
              </p>
            )}
          </section>
        ))
      )}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <path d="M9 12.75 11.25 15 15 9.75M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
