"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { completeTodoAction, createTodoAction, reopenTodoAction, trashTodoAction, updateTodoAction } from "@/app/(app)/cards/[cardId]/actions";
import { TodoForm } from "@/components/todos/todo-form";
import { TodoItem } from "@/components/todos/todo-item";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorMessage } from "@/components/ui/form";
import type { CardPageTodo } from "@/lib/cards/get-card-page";
import type { TodoTemplateShape } from "@/lib/templates/todo-from-template";
import { deadlineState } from "@/lib/time/org-time";
import { useCard } from "./card-context";
import { useNow } from "./use-now";

/**
 * The Todos block: open todos by deadline, with add, edit, complete and delete. Completing one opens
 * a "Next todo" form at once, with the focus in it, so the process never breaks off.
 */
export function TodosBlock({
  todos,
  renderedAt,
  todoTemplates = [],
  cardOwnerId = null,
}: {
  todos: CardPageTodo[];
  renderedAt: Date;
  /** The module's todo templates, offered in "New todo" and "Next todo". */
  todoTemplates?: (TodoTemplateShape & { id: string })[];
  cardOwnerId?: string | null;
}) {
  const t = useTranslations("card.todos");
  const message = useErrorMessage();
  const { cardId, meId, timeZone, users } = useCard();
  const liveNow = useNow();
  const now = liveNow ?? renderedAt;
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [completed, setCompleted] = useState<{ id: string; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const run = (todoId: string, action: typeof completeTodoAction, after: () => void) => {
    setBusyId(todoId);
    setError(null);
    startTransition(async () => {
      const result = await action(null, { todoId });
      setBusyId(null);
      if (result.ok) after();
      else setError(result.error);
    });
  };
  const complete = (todo: CardPageTodo) =>
    run(todo.id, completeTodoAction, () => {
      setAdding(false);
      setEditingId(null);
      setCompleted({ id: todo.id, text: todo.text });
      setAnnouncement(t("completed", { text: todo.text }));
    });
  const undo = () =>
    completed &&
    run(completed.id, reopenTodoAction, () => {
      setAnnouncement(t("reopened", { text: completed.text }));
      setCompleted(null);
    });

  return (
    <Card className="p-0">
      <section aria-labelledby="todos-heading">
        <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-3">
          <h2 id="todos-heading" className="text-base font-semibold text-slate-900">
            {t("heading")}
            {todos.length > 0 && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{todos.length}</span>}
          </h2>
          {!adding && !completed && (
            <Button size="sm" onClick={() => setAdding(true)}>
              {t("add")}
            </Button>
          )}
        </div>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {error && (
          <p role="alert" className="mx-4 mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {message(error)}
          </p>
        )}

        {completed && (
          <div className="m-3 rounded-lg border border-green-200 bg-green-50/70 p-4" aria-labelledby="next-todo-heading" role="group">
            <p className="flex flex-wrap items-center gap-2 text-sm text-green-900">
              <svg className="size-4 text-green-700" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden>
                <path d="m4 10 4 4 8-8" />
              </svg>
              {t("completed", { text: completed.text })}
              <button type="button" className="font-medium underline hover:no-underline" onClick={undo} disabled={busyId !== null}>
                {t("undo")}
              </button>
            </p>
            <h3 id="next-todo-heading" className="mt-3 text-sm font-semibold text-slate-900">
              {t("nextHeading")}
            </h3>
            <p className="mb-3 text-sm text-slate-600">{t("nextInvite")}</p>
            <TodoForm
              action={createTodoAction}
              cardId={cardId}
              templates={todoTemplates}
              cardOwnerId={cardOwnerId}
              users={users}
              meId={meId}
              timeZone={timeZone}
              submitLabel={t("addNext")}
              onDone={() => {
                setCompleted(null);
                setAnnouncement(t("added"));
              }}
              onCancel={() => setCompleted(null)}
            />
          </div>
        )}

        {adding && (
          <div className="m-3 rounded-lg border border-brand-100 bg-brand-50/40 p-4">
            <TodoForm
              action={createTodoAction}
              cardId={cardId}
              templates={todoTemplates}
              cardOwnerId={cardOwnerId}
              users={users}
              meId={meId}
              timeZone={timeZone}
              submitLabel={t("add")}
              onDone={() => {
                setAdding(false);
                setAnnouncement(t("added"));
              }}
              onCancel={() => setAdding(false)}
            />
          </div>
        )}

        {todos.length === 0 && !adding && !completed ? (
          <p className="px-4 py-6 text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 p-1">
            {todos.map((todo) => (
              <li key={todo.id}>
                {editingId === todo.id ? (
                  <div className="p-3">
                    <TodoForm
                      action={updateTodoAction}
                      todo={todo}
                      users={users}
                      meId={meId}
                      timeZone={timeZone}
                      submitLabel={t("save")}
                      onDone={() => setEditingId(null)}
                      onCancel={() => setEditingId(null)}
                    />
                  </div>
                ) : (
                  <TodoItem
                    todo={todo}
                    state={liveNow ? deadlineState(todo.deadline, liveNow, timeZone) : todo.state}
                    now={now}
                    timeZone={timeZone}
                    busy={busyId === todo.id}
                    onComplete={() => complete(todo)}
                    onEdit={() => setEditingId(todo.id)}
                    onTrash={() => run(todo.id, trashTodoAction, () => setAnnouncement(t("trashed", { text: todo.text })))}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
