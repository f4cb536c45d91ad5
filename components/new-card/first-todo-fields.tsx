"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { TodoDeadlineFields, TodoTypeField } from "@/components/todos/todo-form";
import { fieldError, useErrorMessage, type FormState } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import type { TodoType } from "@/db/schema";

/**
 * "New card"'s optional first todo. Its parts travel as one JSON field (`todo`), sent only while
 * "Add a first todo" is ticked; errors come back as `todo.<field>`.
 */
export function FirstTodoFields({
  state,
  users,
  meId,
  timeZone,
  initial,
}: {
  state: FormState;
  users: { id: string; name: string; active: boolean }[];
  meId: string;
  timeZone: string;
  initial: { date: string; time: string };
}) {
  const t = useTranslations("card.new");
  const tf = useTranslations("card.todoForm");
  const message = useErrorMessage();
  const id = useId();
  const [enabled, setEnabled] = useState(true);
  const [text, setText] = useState("");
  const [type, setType] = useState<TodoType>("call");
  const [assigneeId, setAssigneeId] = useState(meId);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const textError = fieldError(state, "todo.text");
  const assigneeError = fieldError(state, "todo.assigneeId");

  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">{t("firstTodo")}</legend>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" className="size-4 accent-brand-600" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t("addFirstTodo")}
      </label>
      {enabled && (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-4">
          <input type="hidden" name="todo" value={JSON.stringify({ text, type, assigneeId, date, time })} />
          <div>
            <Label htmlFor={`${id}-text`}>{tf("text")}</Label>
            <Input
              id={`${id}-text`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={500}
              autoComplete="off"
              placeholder={tf("textPlaceholder")}
              aria-invalid={textError ? true : undefined}
              aria-describedby={textError ? `${id}-text-error` : undefined}
            />
            {textError && (
              <p id={`${id}-text-error`} className="mt-1 text-xs text-red-700">
                {message(textError)}
              </p>
            )}
          </div>
          <TodoTypeField value={type} onChange={setType} name="todo.type" />
          <div>
            <Label htmlFor={`${id}-assignee`}>{tf("assignee")}</Label>
            <Select id={`${id}-assignee`} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} className="sm:max-w-xs" aria-invalid={assigneeError ? true : undefined}>
              {users
                .filter((u) => u.active)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.id === meId ? tf("me", { name: u.name }) : u.name}
                  </option>
                ))}
            </Select>
            {assigneeError && <p className="mt-1 text-xs text-red-700">{message(assigneeError)}</p>}
          </div>
          <TodoDeadlineFields state={state} date={date} time={time} onDate={setDate} onTime={setTime} timeZone={timeZone} prefix="todo." />
        </div>
      )}
    </fieldset>
  );
}
