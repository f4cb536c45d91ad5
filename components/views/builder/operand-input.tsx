"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input, Label } from "@/components/ui/input";
import { CompanyInput } from "./company-input";
import type { BuilderContact, BuilderField, BuilderStatus, BuilderUser, DraftCondition, OperandKind } from "./model";
import { MultiCheck } from "./multi-check";

export type OperandProps = {
  condition: DraftCondition;
  kind: OperandKind;
  field?: BuilderField;
  statuses: BuilderStatus[];
  users: BuilderUser[];
  companies: BuilderContact[];
  onChange: (change: Partial<DraftCondition>) => void;
  onCompaniesPicked: (picked: BuilderContact[]) => void;
  /** Operand name → whether the server refused it; the messages show under the row (`errorId`). */
  invalid: (name: string) => boolean;
  errorId: string;
};

/** The value(s) a condition compares with, as its operator needs them. */
export function OperandInput(props: OperandProps) {
  const { condition: c, kind, field, onChange, invalid, errorId } = props;
  const t = useTranslations("view-builder.operand");
  const id = useId();
  const a11y = (name: string) => ({ "aria-invalid": invalid(name) || undefined, "aria-describedby": invalid(name) ? errorId : undefined });
  const archived = (o: { name: string; archived?: boolean }) => (o.archived ? t("archived", { name: o.name }) : o.name);
  // Ids the view names that no longer exist (or cannot be listed) stay as ticked boxes, so they can be unticked.
  const withUnknown = (options: { id: string; label: string }[], label: string) => {
    const known = new Set(options.map((o) => o.id));
    return [...options, ...c.ids.filter((i) => !known.has(i)).map((i) => ({ id: i, label }))];
  };

  switch (kind) {
    case "statuses": {
      // Archived statuses stay offered only where the view already uses them.
      const options = props.statuses.filter((s) => !s.archived || c.ids.includes(s.id)).map((s) => ({ id: s.id, label: archived(s) }));
      return <MultiCheck legend={t("statuses")} options={withUnknown(options, t("deletedStatus"))} value={c.ids} onChange={(ids) => onChange({ ids })} invalid={invalid("statusIds")} errorId={errorId} />;
    }
    case "users": {
      const options = withUnknown(
        props.users.map((u) => ({ id: u.id, label: u.name })),
        t("inactiveUser"),
      );
      return <MultiCheck legend={t("users")} options={options} value={c.ids} onChange={(ids) => onChange({ ids })} invalid={invalid("userIds")} errorId={errorId} />;
    }
    case "choices": {
      const choices = field?.options.choices ?? [];
      if (choices.length === 0 && c.ids.length === 0) return <p className="text-sm text-slate-600">{t("noChoices")}</p>;
      return (
        <MultiCheck
          legend={t("choices")}
          options={withUnknown(
            choices.map((ch) => ({ id: ch.id, label: ch.label })),
            t("deletedChoice"),
          )}
          value={c.ids}
          onChange={(ids) => onChange({ ids })}
          invalid={invalid("choiceIds")}
          errorId={errorId}
        />
      );
    }
    case "companies":
      return <CompanyInput chosen={props.companies.filter((co) => c.ids.includes(co.id))} ids={c.ids} onPick={props.onCompaniesPicked} invalid={invalid("contactIds")} errorId={errorId} />;
    case "text":
      return (
        <div>
          <Label htmlFor={id} className="sr-only">
            {t("text")}
          </Label>
          <Input id={id} value={c.text} maxLength={200} onChange={(e) => onChange({ text: e.target.value })} {...a11y("text")} />
        </div>
      );
    case "number": {
      const label = field?.type === "money" ? t("amount", { currency: field.options.currency ?? "HUF" }) : t("number");
      return (
        <div className="flex items-center gap-2">
          <Label htmlFor={id} className="sr-only">
            {label}
          </Label>
          <Input id={id} inputMode="decimal" value={c.number} onChange={(e) => onChange({ number: e.target.value })} className="tabular-nums sm:w-44" {...a11y("number")} />
          {field?.type === "money" && (
            <span className="text-sm text-slate-600" aria-hidden>
              {field.options.currency ?? "HUF"}
            </span>
          )}
        </div>
      );
    }
    case "range":
      return (
        <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
          <Pair id={`${id}-min`} label={t("min")} value={c.min} onChange={(min) => onChange({ min })} inputMode="decimal" {...a11y("min")} />
          <Pair id={`${id}-max`} label={t("max")} value={c.max} onChange={(max) => onChange({ max })} inputMode="decimal" {...a11y("max")} />
          {field?.type === "money" && <span className="col-span-2 text-sm text-slate-600 sm:pb-2.5">{field.options.currency ?? "HUF"}</span>}
        </div>
      );
    case "date":
      return (
        <div>
          <Label htmlFor={id} className="sr-only">
            {t("date")}
          </Label>
          <Input id={id} type="date" value={c.date} onChange={(e) => onChange({ date: e.target.value })} className="sm:w-44" {...a11y("date")} />
        </div>
      );
    case "dateRange":
      return (
        <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
          <Pair id={`${id}-from`} label={t("from")} type="date" value={c.from} onChange={(from) => onChange({ from })} {...a11y("from")} />
          <Pair id={`${id}-to`} label={t("to")} type="date" value={c.to} onChange={(to) => onChange({ to })} {...a11y("to")} />
        </div>
      );
    case "days":
      return (
        <div className="flex items-center gap-2">
          <Label htmlFor={id} className="sr-only">
            {t("days")}
          </Label>
          <Input id={id} inputMode="numeric" value={c.days} onChange={(e) => onChange({ days: e.target.value })} className="w-24 tabular-nums" {...a11y("days")} />
          <span className="text-sm text-slate-600" aria-hidden>
            {t("daysUnit")}
          </span>
        </div>
      );
    default:
      return null;
  }
}

function Pair({
  id,
  label,
  value,
  onChange,
  type = "text",
  ...rest
}: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string; inputMode?: "decimal" } & Record<`aria-${string}`, unknown>) {
  return (
    <div className="min-w-0">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <Input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} className="w-full tabular-nums sm:w-40" {...rest} />
    </div>
  );
}
