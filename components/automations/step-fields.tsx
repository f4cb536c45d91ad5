"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useErrorMessage } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import { contactRecipients, userRules } from "@/db/schema/automations";
import { todoTypes } from "@/db/schema/todos";
import type { EditorOptions, StepDraft } from "./step-draft";

/**
 * One step's form: delay in days, optional time of day, working days only; the template (or, for a
 * todo, a text written in place); recipient and, for emails, the sender. Field errors come by name.
 */
export function StepFields({
  step,
  options,
  errors,
  disabled,
  onChange,
}: {
  step: StepDraft;
  options: EditorOptions;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (patch: Partial<StepDraft>) => void;
}) {
  const t = useTranslations("automations.editor");
  const tTypes = useTranslations("card.todos.types");
  const message = useErrorMessage();
  const id = useId();
  const email = step.kind !== "todo_user";
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-error` } : {});
  const error = (name: string) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="mt-1 text-xs text-red-700">
        {message(errors[name])}
      </p>
    );
  const userOptions = (selected: string) =>
    options.users
      .filter((u) => !u.inactive || u.id === selected)
      .map((u) => (
        <option key={u.id} value={u.id}>
          {u.inactive ? `${u.name} ${t("inactiveUser")}` : u.name}
        </option>
      ));
  const recipients = step.kind === "email_contact" ? contactRecipients : userRules;

  return (
    <fieldset disabled={disabled} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <div>
        <Label htmlFor={`${id}-delay`}>{t("delayDays")}</Label>
        <Input id={`${id}-delay`} type="number" min={0} max={730} inputMode="numeric" value={step.delayDays} onChange={(e) => onChange({ delayDays: e.target.value })} {...invalid("delayDays")} />
        {error("delayDays")}
      </div>
      <div>
        <Label htmlFor={`${id}-time`}>{t("sendTime")}</Label>
        <Input id={`${id}-time`} type="time" value={step.sendTime} onChange={(e) => onChange({ sendTime: e.target.value })} aria-describedby={`${id}-time-hint`} {...invalid("sendTime")} />
        {error("sendTime") || (
          <p id={`${id}-time-hint`} className="mt-1 text-xs text-slate-600">
            {t("sendTimeHint")}
          </p>
        )}
      </div>
      <label className="flex items-start gap-2 self-center text-sm text-slate-800">
        <input type="checkbox" checked={step.workingDaysOnly} onChange={(e) => onChange({ workingDaysOnly: e.target.checked })} className="mt-0.5 size-4 rounded border-slate-300 text-brand-600" />
        <span>
          {t("workingDaysOnly")}
          <span className="block text-xs text-slate-600">{t("workingDaysOnlyHint")}</span>
        </span>
      </label>

      {email ? (
        <div className="sm:col-span-2 lg:col-span-1">
          <Label htmlFor={`${id}-template`}>{t("emailTemplate")}</Label>
          <Select id={`${id}-template`} value={step.emailTemplateId} onChange={(e) => onChange({ emailTemplateId: e.target.value })} {...invalid("emailTemplateId")}>
            <option value="">{t("chooseTemplate")}</option>
            {options.emailTemplates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </Select>
          {error("emailTemplateId")}
        </div>
      ) : (
        <div className="sm:col-span-2 lg:col-span-1">
          <Label htmlFor={`${id}-todo`}>{t("todoTemplate")}</Label>
          <Select id={`${id}-todo`} value={step.todoTemplateId} onChange={(e) => onChange({ todoTemplateId: e.target.value })} {...invalid("todoTemplateId")}>
            <option value="">{t("todoInPlace")}</option>
            {options.todoTemplates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.text}
              </option>
            ))}
          </Select>
          {error("todoTemplateId")}
        </div>
      )}
      {!email && !step.todoTemplateId && (
        <>
          <div className="sm:col-span-2 lg:col-span-1">
            <Label htmlFor={`${id}-text`}>{t("todoText")}</Label>
            <Input id={`${id}-text`} value={step.todoText} maxLength={500} autoComplete="off" onChange={(e) => onChange({ todoText: e.target.value })} {...invalid("todoText")} />
            {error("todoText")}
          </div>
          <div>
            <Label htmlFor={`${id}-type`}>{t("todoType")}</Label>
            <Select id={`${id}-type`} value={step.todoType} onChange={(e) => onChange({ todoType: e.target.value as StepDraft["todoType"] })}>
              {todoTypes.map((type) => (
                <option key={type} value={type}>
                  {tTypes(type)}
                </option>
              ))}
            </Select>
          </div>
        </>
      )}

      <div>
        <Label htmlFor={`${id}-recipient`}>{t("recipient")}</Label>
        <Select id={`${id}-recipient`} value={step.recipient} onChange={(e) => onChange({ recipient: e.target.value })} {...invalid("recipient")}>
          {recipients.map((r) => (
            <option key={r} value={r}>
              {t(`recipients.${r}`)}
            </option>
          ))}
        </Select>
        {error("recipient")}
      </div>
      {step.kind !== "email_contact" && step.recipient === "user" && (
        <div>
          <Label htmlFor={`${id}-user`}>{t("user")}</Label>
          <Select id={`${id}-user`} value={step.userId} onChange={(e) => onChange({ userId: e.target.value })} {...invalid("userId")}>
            <option value="">{t("chooseUser")}</option>
            {userOptions(step.userId)}
          </Select>
          {error("userId")}
        </div>
      )}
      {email && (
        <div>
          <Label htmlFor={`${id}-sender`}>{t("sender")}</Label>
          <Select id={`${id}-sender`} value={step.sender} onChange={(e) => onChange({ sender: e.target.value as StepDraft["sender"] })}>
            {userRules.map((r) => (
              <option key={r} value={r}>
                {t(`senders.${r}`)}
              </option>
            ))}
          </Select>
        </div>
      )}
      {email && step.sender === "user" && (
        <div>
          <Label htmlFor={`${id}-sender-user`}>{t("senderUser")}</Label>
          <Select id={`${id}-sender-user`} value={step.senderUserId} onChange={(e) => onChange({ senderUserId: e.target.value })} {...invalid("senderUserId")}>
            <option value="">{t("chooseUser")}</option>
            {userOptions(step.senderUserId)}
          </Select>
          {error("senderUserId")}
        </div>
      )}
    </fieldset>
  );
}
