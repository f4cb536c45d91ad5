"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useErrorMessage } from "@/components/ui/form";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import type { FieldValue } from "@/db/schema";
import type { CardUser } from "@/lib/cards/list-card-users";
import type { FieldLike } from "./format-value";

/** What a field's control holds while the user edits (strings, as inputs do). */
export type FieldDraft = string | string[] | boolean | { amount: string; currency: string };

/** A stored value → the control's state. */
export function toDraft(field: FieldLike, value: FieldValue | undefined): FieldDraft {
  switch (field.type) {
    case "money": {
      const money = value as { amount: number; currency: string } | null | undefined;
      return { amount: money ? String(money.amount) : "", currency: money?.currency ?? field.options.currency ?? "HUF" };
    }
    case "multi_select":
      return Array.isArray(value) ? value : [];
    case "checkbox":
      return value === true;
    default:
      return value === null || value === undefined ? "" : String(value);
  }
}

const inputTypes: Partial<Record<FieldLike["type"], string>> = { email: "email", phone: "tel", url: "url", date: "date", number: "text" };

/** One custom field's labelled control, right for its type; `error` is an error code from the server. */
export function FieldInput({
  field,
  value,
  onChange,
  error,
  users,
}: {
  field: FieldLike;
  value: FieldDraft;
  onChange: (value: FieldDraft) => void;
  error?: string;
  users: CardUser[];
}) {
  const id = useId();
  const t = useTranslations("card.fields");
  const message = useErrorMessage();
  const errorId = `${id}-error`;
  const a11y = { "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined, "aria-required": field.required || undefined };
  const label = (
    <>
      {field.name}
      {field.required && (
        <span className="ml-0.5 text-red-600" aria-hidden>
          *
        </span>
      )}
    </>
  );
  const errorText = error && (
    <p id={errorId} className="mt-1 text-xs text-red-700">
      {message(error)}
    </p>
  );

  if (field.type === "checkbox") {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...a11y} />
          {label}
        </label>
        {errorText}
      </div>
    );
  }

  if (field.type === "multi_select") {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {(field.options.choices ?? []).map((c) => (
            <label key={c.id} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300 accent-brand-600"
                checked={selected.includes(c.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, c.id] : selected.filter((s) => s !== c.id))}
              />
              {c.label}
            </label>
          ))}
        </div>
        {errorText}
      </fieldset>
    );
  }

  if (field.type === "money") {
    const money = typeof value === "object" && !Array.isArray(value) ? value : { amount: "", currency: field.options.currency ?? "HUF" };
    return (
      <div>
        <Label htmlFor={id}>{label}</Label>
        <div className="flex gap-2">
          <Input id={id} inputMode="decimal" value={money.amount} onChange={(e) => onChange({ ...money, amount: e.target.value })} className="min-w-0 flex-1 text-right tabular-nums" {...a11y} />
          <Input
            aria-label={t("currency")}
            title={t("currencyOf", { field: field.name })}
            value={money.currency}
            maxLength={3}
            onChange={(e) => onChange({ ...money, currency: e.target.value.toUpperCase() })}
            className="w-16 text-center uppercase"
          />
        </div>
        {errorText}
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  let control;
  if (field.type === "long_text") {
    control = <Textarea id={id} rows={3} value={text} onChange={(e) => onChange(e.target.value)} {...a11y} />;
  } else if (field.type === "select" || field.type === "user") {
    const options =
      field.type === "select"
        ? (field.options.choices ?? []).map((c) => ({ id: c.id, label: c.label }))
        : users.filter((u) => u.active || u.id === text).map((u) => ({ id: u.id, label: u.active ? u.name : t("deactivated", { name: u.name }) }));
    control = (
      <Select id={id} value={text} onChange={(e) => onChange(e.target.value)} {...a11y}>
        <option value="">{t("none")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  } else {
    control = (
      <Input
        id={id}
        type={inputTypes[field.type] ?? "text"}
        inputMode={field.type === "number" ? "decimal" : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        className={field.type === "number" ? "tabular-nums" : undefined}
        {...a11y}
      />
    );
  }
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {control}
      {errorText}
    </div>
  );
}
