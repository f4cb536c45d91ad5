"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Label, Select } from "@/components/ui/input";
import { useBuilder } from "./builder-context";
import { conditionFor, operandKind, operatorsFor, subjectOf, type DraftCondition } from "./model";
import { OperandInput } from "./operand-input";

const cardSubjects = ["status", "owner", "todo", "date:created", "date:status_entered", "date:last_activity", "contact:company", "contact:email"] as const;
/** "date:created" → "created", "contact:email" → "email": the message key of a subject. */
const subjectKey = (s: string) => s.split(":").pop()!;

/** One condition: what it is on → how it compares → with what; the server's objections underneath. */
export function ConditionRow({ condition: c, path, number }: { condition: DraftCondition; path: string; number: number }) {
  const t = useTranslations("view-builder");
  const { module, users, companies, usedFields, change, remove, registerCompanies, errorsAt, message, focusKey } = useBuilder();
  const id = useId();
  useEffect(() => {
    if (focusKey === c.key) document.getElementById(`${id}-subject`)?.focus();
  }, [focusKey, c.key, id]);
  const errorId = `${id}-errors`;
  const subject = subjectOf(c);
  const operators = operatorsFor(subject, module.fields);
  const field = c.on === "field" ? module.fields.find((f) => f.id === c.fieldId) : undefined;
  const kind = operandKind(c.on, c.op);
  const errors = errorsAt(path);
  const invalid = (name: string) => errors.some((e) => e.name === name || e.name.startsWith(`${name}.`));
  const offeredFields = module.fields.filter((f) => !f.archived || usedFields.has(f.id));
  const opLabel = (op: string) => t(`ops.${c.on}.${op}`);

  return (
    <fieldset className={cn("min-w-0 rounded-md border bg-white p-3", errors.length > 0 ? "border-red-300" : "border-slate-200")}>
      <legend className="sr-only">{t("condition", { number })}</legend>
      {/* A phone stacks subject (with the remove button beside it), operator, operand; wider screens put them in one row. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 md:grid-cols-[minmax(0,13rem)_minmax(0,13rem)_minmax(0,1fr)_auto] md:items-start">
        <div className="md:col-start-1 md:row-start-1">
          <Label htmlFor={`${id}-subject`} className="sr-only">
            {t("subject")}
          </Label>
          <Select
            id={`${id}-subject`}
            value={subject}
            aria-invalid={invalid("fieldId") || undefined}
            aria-describedby={invalid("fieldId") ? errorId : undefined}
            onChange={(e) => change(c.key, conditionFor(e.target.value, module.fields, c))}
          >
            <optgroup label={t("subjects.card")}>
              {cardSubjects.map((s) => (
                <option key={s} value={s}>
                  {t(`subjects.${subjectKey(s)}`)}
                </option>
              ))}
            </optgroup>
            {offeredFields.length > 0 && (
              <optgroup label={t("subjects.fields")}>
                {offeredFields.map((f) => (
                  <option key={f.id} value={`field:${f.id}`}>
                    {f.archived ? t("subjects.archivedField", { name: f.name }) : f.name}
                  </option>
                ))}
              </optgroup>
            )}
            {c.on === "field" && !field && <option value={subject}>{t("subjects.archivedField", { name: "?" })}</option>}
          </Select>
        </div>
        <div className="col-span-2 md:col-span-1 md:col-start-2 md:row-start-1">
          <Label htmlFor={`${id}-op`} className="sr-only">
            {t("operator")}
          </Label>
          <Select
            id={`${id}-op`}
            value={c.op}
            aria-invalid={invalid("op") || undefined}
            aria-describedby={invalid("op") ? errorId : undefined}
            onChange={(e) => change(c.key, { ...c, op: e.target.value })}
          >
            {operators.map((op) => (
              <option key={op} value={op}>
                {opLabel(op)}
              </option>
            ))}
            {!operators.includes(c.op) && <option value={c.op}>{c.op}</option>}
          </Select>
        </div>
        {kind !== "none" && (
          <div className="col-span-2 min-w-0 md:col-span-1 md:col-start-3 md:row-start-1">
            <OperandInput
              condition={c}
              kind={kind}
              field={field}
              statuses={module.statuses}
              users={users}
              companies={companies}
              onChange={(patch) => change(c.key, { ...c, ...patch })}
              onCompaniesPicked={(picked) => {
                registerCompanies(picked);
                change(c.key, { ...c, ids: picked.map((p) => p.id) });
              }}
              invalid={invalid}
              errorId={errorId}
            />
          </div>
        )}
        <Button variant="ghost" size="sm" className="col-start-2 row-start-1 mt-1 md:col-start-4" aria-label={t("removeCondition", { number })} onClick={(e) => remove(c.key, e.currentTarget)}>
          <span aria-hidden>✕</span>
        </Button>
      </div>
      {errors.length > 0 && (
        <ul id={errorId} className="mt-2 space-y-0.5 text-xs text-red-700">
          {[...new Set(errors.map((e) => e.code))].map((code) => (
            <li key={code}>{message(code)}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
