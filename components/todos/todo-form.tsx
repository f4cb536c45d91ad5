"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { fieldError, FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import { todoTypes, type TodoType } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/safe-action";
import { instantToZoned } from "@/lib/time/org-time";
import { defaultTodoDeadline, zonedDatePlusDays } from "@/lib/todos/default-deadline";
import { todoFromTemplate, type TodoTemplateShape } from "@/lib/templates/todo-from-template";
import { TodoTypeIcon } from "./todo-type-icon";

type TodoAction = (prev: ActionResult<{ todoId: string }> | null, form: FormData) => Promise<ActionResult<{ todoId: string }>>;

export type TodoFormTodo = { id: string; text: string; type: TodoType; assigneeId: string; deadline: Date };

/** The date, hour and minute fields of a todo, with quick picks; shared by the card page and "New card". */
export function TodoDeadlineFields({ state, date, time, onDate, onTime, timeZone, prefix = "" }: { state: FormState; date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void; timeZone: string; prefix?: string }) {
  const t = useTranslations("card.todoForm");
  const message = useErrorMessage();
  const id = useId();
  const pick = (days: number) => onDate(zonedDatePlusDays(new Date(), timeZone, days));
  const error = (name: string) => fieldError(state, `${prefix}${name}`);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor={`${id}-date`}>{t("date")}</Label>
        <Input id={`${id}-date`} type="date" name={`${prefix}date`} value={date} onChange={(e) => onDate(e.target.value)} required aria-invalid={error("date") ? true : undefined} className="w-40" />
      </div>
      <div>
        <Label htmlFor={`${id}-time`}>{t("time")}</Label>
        <Input id={`${id}-time`} type="time" name={`${prefix}time`} value={time} onChange={(e) => onTime(e.target.value)} required step={300} aria-invalid={error("time") ? true : undefined} className="w-28" />
      </div>
      <div className="flex gap-1 pb-1">
        <Button size="sm" variant="ghost" onClick={() => pick(0)}>
          {t("today")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => pick(1)}>
          {t("tomorrow")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => pick(7)}>
          {t("nextWeek")}
        </Button>
      </div>
      {(error("date") || error("time")) && <p className="w-full text-xs text-red-700">{message(error("date") ?? error("time")!)}</p>}
    </div>
  );
}

/** Type as a row of radio buttons: one click, and readable by label ("Call", "Email"…). */
export function TodoTypeField({ value, onChange, name = "type" }: { value: TodoType; onChange: (v: TodoType) => void; name?: string }) {
  const t = useTranslations("card.todoForm");
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("type")}</legend>
      <div className="inline-flex flex-wrap gap-1 rounded-md border border-slate-300 bg-white p-0.5">
        {todoTypes.map((type) => (
          <label
            key={type}
            className={cn(
              "flex cursor-pointer items-center gap-1.5 rounded px-2.5 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
              value === type ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            <input type="radio" name={name} value={type} checked={value === type} onChange={() => onChange(type)} className="sr-only" />
            <TodoTypeIcon type={type} />
            {t(`types.${type}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Add or edit a todo: text, type, assignee (an active user who may see the card; me by default) and the deadline as
 * date + hour:minute on the organisation's clock (a new one starts at the next sensible full hour).
 */
export function TodoForm({
  action,
  cardId,
  todo,
  users,
  meId,
  timeZone,
  submitLabel,
  onDone,
  onCancel,
  autoFocus = true,
  templates = [],
  cardOwnerId = null,
}: {
  action: TodoAction;
  /** For a new todo. */
  cardId?: string;
  /** For an edit. */
  todo?: TodoFormTodo;
  users: { id: string; name: string; active: boolean; seesCard?: boolean }[];
  meId: string;
  timeZone: string;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
  autoFocus?: boolean;
  /** The module's todo templates, offered for a new todo: picking one fills text, type, deadline and assignee. */
  templates?: (TodoTemplateShape & { id: string })[];
  cardOwnerId?: string | null;
}) {
  const t = useTranslations("card.todoForm");
  const tc = useTranslations("common");
  const id = useId();
  const [initial] = useState(() => (todo ? instantToZoned(todo.deadline, timeZone) : defaultTodoDeadline(new Date(), timeZone)));
  const [type, setType] = useState<TodoType>(todo?.type ?? "call");
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const tTemplates = useTranslations("templates.newTodo");
  const [text, setText] = useState(todo?.text ?? "");
  const [assigneeId, setAssigneeId] = useState(todo?.assigneeId ?? meId);
  const [templateId, setTemplateId] = useState("");
  const { state, pending, onSubmit } = useFormAction(async (prev: FormState, form: FormData) => {
    const result = await action(prev as ActionResult<{ todoId: string }> | null, form);
    if (result.ok) onDone();
    return result;
  });
  // Only people who may see the card (seesCard, when the card is known): a todo for anyone else would reach nobody.
  const choices = users.filter((u) => (u.active && u.seesCard !== false) || u.id === assigneeId);
  const applyTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((x) => x.id === id);
    if (!template) return;
    const made = todoFromTemplate(template, { now: new Date(), timeZone, cardOwnerId });
    const deadline = instantToZoned(made.deadline, timeZone);
    setText(made.text);
    setType(made.type);
    setDate(deadline.date);
    setTime(deadline.time);
    // Someone who cannot see the card (or the card without an owner) leaves the assignee as it was.
    if (made.assigneeId && choices.some((u) => u.id === made.assigneeId && u.active)) setAssigneeId(made.assigneeId);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      {cardId && <input type="hidden" name="cardId" value={cardId} />}
      {todo && <input type="hidden" name="todoId" value={todo.id} />}
      {!todo && templates.length > 0 && (
        <div>
          <Label htmlFor={`${id}-template`}>{tTemplates("fromTemplate")}</Label>
          <Select id={`${id}-template`} value={templateId} onChange={(e) => applyTemplate(e.target.value)} className="sm:max-w-xs">
            <option value="">{tTemplates("none")}</option>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.text}
              </option>
            ))}
          </Select>
        </div>
      )}
      <TextField label={t("text")} name="text" state={state} value={text} onChange={(e) => setText(e.target.value)} required maxLength={500} autoFocus={autoFocus} autoComplete="off" placeholder={t("textPlaceholder")} />
      <TodoTypeField value={type} onChange={setType} />
      <div>
        <Label htmlFor={`${id}-assignee`}>{t("assignee")}</Label>
        <Select id={`${id}-assignee`} name="assigneeId" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} className="sm:max-w-xs">
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id === meId ? t("me", { name: u.name }) : u.name}
            </option>
          ))}
        </Select>
      </div>
      <TodoDeadlineFields state={state} date={date} time={time} onDate={setDate} onTime={setTime} timeZone={timeZone} />
      {state && !state.ok && <FormMessage state={state} />}
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel={tc("saving")}>
          {submitLabel}
        </SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
