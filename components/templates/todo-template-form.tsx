"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormMessage, SubmitButton, TextField, fieldError, useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import { createTodoTemplateAction, updateTodoTemplateAction } from "@/app/(app)/modules/[moduleId]/templates/actions";
import { todoTypes } from "@/db/schema/todos";

type Existing = { id: string; version: number; text: string; type: string; deadlineDays: number; deadlineTime: string; assigneeRule: "card_owner" | "user"; assigneeId: string | null };

/**
 * Adds a todo template — or, given `existing`, edits one (guarded by its version): text, type,
 * deadline (days after the todo is made, at HH:MM), assignee (the card's owner or a chosen user).
 */
export function TodoTemplateForm({ moduleId, users, existing }: { moduleId: string; users: { id: string; name: string }[]; existing?: Existing }) {
  const t = useTranslations("templates.todo");
  const tTypes = useTranslations("card.todos.types");
  const message = useErrorMessage();
  const id = useId();
  const { state, pending, onSubmit, formRef } = useFormAction(existing ? updateTodoTemplateAction : createTodoTemplateAction, { resetOnSuccess: !existing });
  const [rule, setRule] = useState<"card_owner" | "user">(existing?.assigneeRule ?? "card_owner");
  const err = (name: string) => fieldError(state as FormState, name);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {existing ? t("editTitle", { text: existing.text }) : t("addTitle")}
      </h3>
      {existing ? (
        <>
          <input type="hidden" name="todoTemplateId" value={existing.id} />
          <input type="hidden" name="version" value={existing.version} />
        </>
      ) : (
        <input type="hidden" name="moduleId" value={moduleId} />
      )}
      <FormMessage state={state as FormState} success={existing ? t("saved") : t("added")} />
      <TextField label={t("text")} name="text" state={state as FormState} defaultValue={existing?.text} required maxLength={500} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-4">
        <div>
          <Label htmlFor={`${id}-type`}>{t("type")}</Label>
          <Select id={`${id}-type`} name="type" defaultValue={existing?.type ?? "task"}>
            {todoTypes.map((type) => (
              <option key={type} value={type}>
                {tTypes(type)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-days`}>{t("days")}</Label>
          <Input id={`${id}-days`} name="deadlineDays" type="number" min={0} max={365} defaultValue={existing?.deadlineDays ?? 1} inputMode="numeric" aria-invalid={err("deadlineDays") ? true : undefined} />
          {err("deadlineDays") && <p className="mt-1 text-xs text-red-700">{message(err("deadlineDays")!)}</p>}
        </div>
        <div>
          <Label htmlFor={`${id}-time`}>{t("time")}</Label>
          <Input id={`${id}-time`} name="deadlineTime" type="time" defaultValue={existing?.deadlineTime ?? "09:00"} required aria-invalid={err("deadlineTime") ? true : undefined} />
          {err("deadlineTime") && <p className="mt-1 text-xs text-red-700">{message(err("deadlineTime")!)}</p>}
        </div>
        <div>
          <Label htmlFor={`${id}-rule`}>{t("assignee")}</Label>
          <Select id={`${id}-rule`} name="assigneeRule" value={rule} onChange={(e) => setRule(e.target.value as "card_owner" | "user")}>
            <option value="card_owner">{t("rules.card_owner")}</option>
            <option value="user">{t("rules.user")}</option>
          </Select>
        </div>
      </div>
      {rule === "user" && (
        <div className="sm:w-1/2">
          <Label htmlFor={`${id}-user`}>{t("user")}</Label>
          <Select id={`${id}-user`} name="assigneeId" defaultValue={existing?.assigneeId ?? ""} aria-invalid={err("assigneeId") ? true : undefined}>
            <option value="">{t("chooseUser")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          {err("assigneeId") && <p className="mt-1 text-xs text-red-700">{message(err("assigneeId")!)}</p>}
        </div>
      )}
      <SubmitButton pending={pending} variant="secondary">
        {existing ? t("save") : t("add")}
      </SubmitButton>
    </form>
  );
}
