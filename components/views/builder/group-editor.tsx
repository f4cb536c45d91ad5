"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { viewLimits } from "@/lib/views/definition";
import { useBuilder } from "./builder-context";
import { ConditionRow } from "./condition-row";
import { conditionFor, newGroup, type DraftGroup } from "./model";

/**
 * A group of conditions joined by AND or OR, its rows and nested groups. `depth` counts groups from
 * the root (1); "Add group" stops where the definition's limit does.
 */
export function GroupEditor({ group, path, depth, total }: { group: DraftGroup; path: string; depth: number; total: number }) {
  const t = useTranslations("view-builder");
  const { module, change, remove, add, errorsAt, message } = useBuilder();
  const id = useId();
  const nested = depth > 1;
  const errors = errorsAt(path).filter((e) => e.name === "" || e.name === "join" || e.name === "conditions");
  const canAddCondition = total < viewLimits.conditions;
  const canAddGroup = depth < viewLimits.depth && canAddCondition;
  const joinWord = t(`summary.${group.join}`);

  return (
    <div
      data-group
      role={nested ? "group" : undefined}
      aria-labelledby={nested ? `${id}-legend` : undefined}
      className={cn("space-y-3", nested && "rounded-lg border border-dashed border-brand-300 bg-brand-50/40 p-3")}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend id={`${id}-legend`} className="sr-only">
            {nested ? t("nestedGroup") : t("join.label")}
          </legend>
          {nested && (
            <span className="text-sm font-medium text-slate-700" aria-hidden>
              {t("nestedGroup")}:
            </span>
          )}
          <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
            {(["and", "or"] as const).map((join) => (
              <label
                key={join}
                className={cn(
                  "cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                  group.join === join ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <input type="radio" className="sr-only" name={`${id}-join`} value={join} checked={group.join === join} onChange={() => change(group.key, { ...group, join })} />
                {t(`join.${join}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {nested && (
          <Button variant="ghost" size="sm" onClick={(e) => remove(group.key, e.currentTarget.closest("[data-group]")?.parentElement)}>
            {t("removeGroup")}
          </Button>
        )}
      </div>

      {group.conditions.length === 0 ? (
        <p className="text-sm text-slate-600">{nested ? t("emptyGroup") : t("noConditions")}</p>
      ) : (
        <ol className="space-y-2">
          {group.conditions.map((node, i) => (
            <li key={node.key}>
              {i > 0 && (
                <p className="mb-1 pl-1 text-xs font-semibold tracking-wide text-slate-500 uppercase" aria-hidden>
                  {joinWord}
                </p>
              )}
              {node.on === "group" ? (
                <GroupEditor group={node} path={`${path}.conditions.${i}`} depth={depth + 1} total={total} />
              ) : (
                <ConditionRow condition={node} path={`${path}.conditions.${i}`} number={i + 1} />
              )}
            </li>
          ))}
        </ol>
      )}

      {errors.length > 0 && (
        <ul className="space-y-0.5 text-sm text-red-700">
          {[...new Set(errors.map((e) => e.code))].map((code) => (
            <li key={code}>{message(code)}</li>
          ))}
        </ul>
      )}

      <div data-group-actions className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={!canAddCondition} onClick={() => add(group.key, conditionFor("status", module.fields))}>
          <span aria-hidden>+</span>
          {t("addCondition")}
        </Button>
        <Button variant="secondary" size="sm" disabled={!canAddGroup} onClick={() => add(group.key, { ...newGroup(group.join === "and" ? "or" : "and"), conditions: [conditionFor("status", module.fields)] })}>
          <span aria-hidden>+</span>
          {t("addGroup")}
        </Button>
        {!canAddGroup && canAddCondition && <span className="self-center text-xs text-slate-500">{t("depthLimit", { depth: viewLimits.depth })}</span>}
        {!canAddCondition && <span className="self-center text-xs text-slate-500">{t("countLimit", { count: viewLimits.conditions })}</span>}
      </div>
    </div>
  );
}
