"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fieldError, FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/safe-action";
import { measure, type ViewDefinition, type ViewSort } from "@/lib/views/definition";
import { viewNameMaxLength } from "@/lib/views/view-input";
import { BuilderProvider, type BuilderContextValue, type NodeError } from "./builder-context";
import { ColumnsEditor } from "./columns-editor";
import { GroupEditor } from "./group-editor";
import { toDefinition, toDraft, updateNode, usedFieldIds, type BuilderContact, type BuilderModule, type BuilderUser, type DraftGroup, type DraftNode } from "./model";
import { SortEditor } from "./sort-editor";
import { describeFilter } from "./summary";

export type SaveViewAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<{ viewId: string }>>;

/** Where the save goes: a new view of the module, or a new version of an existing one. */
export type BuilderTarget = { mode: "create" } | { mode: "edit"; viewId: string; version: number };

/**
 * "New view" / "Edit view": name, sharing, the condition tree, columns and default sort. The server
 * checks everything; its refusals come back keyed by the definition's path
 * ("filter.conditions.0.number") and show beside what they are about.
 */
export function ViewBuilder({
  module,
  users,
  companies: initialCompanies,
  initial,
  canShare,
  target,
  action,
}: {
  module: BuilderModule;
  users: BuilderUser[];
  /** Names of the companies the initial definition names (the rest come from the picker). */
  companies: BuilderContact[];
  initial: { name: string; shared: boolean; definition: ViewDefinition };
  canShare: boolean;
  target: BuilderTarget;
  action: SaveViewAction;
}) {
  const t = useTranslations("view-builder");
  const locale = useLocale();
  const message = useErrorMessage();
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, run } = useFormAction(action);
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);
  const [filter, setFilter] = useState<DraftGroup>(() => toDraft(initial.definition.filter) as DraftGroup);
  const [columns, setColumns] = useState<string[]>(initial.definition.columns);
  const [sort, setSort] = useState<ViewSort>(initial.definition.sort);
  const [companies, setCompanies] = useState<BuilderContact[]>(initialCompanies);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const saved = state?.ok ? state.data.viewId : null;

  useEffect(() => {
    if (saved) router.push(`/modules/${module.id}?view=${saved}`);
    else if (state && !state.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, saved, router, module.id]);

  // The server names definition errors by their path in the definition, with or without the input's "definition." prefix.
  const errors = useMemo(() => {
    const out: [string, string][] = [];
    for (const [key, code] of Object.entries(state && !state.ok ? (state.fields ?? {}) : {})) out.push([key.replace(/^definition\./, ""), code]);
    return out;
  }, [state]);

  const usedFields = useMemo(() => usedFieldIds(filter), [filter]);
  const context: BuilderContextValue = {
    module,
    users,
    companies,
    usedFields,
    change: (key, node) => setFilter((root) => updateNode(root, key, () => node)),
    remove: (key, focusIn) => {
      const next = focusIn?.closest("[data-group]")?.querySelector<HTMLElement>(":scope > [data-group-actions] button");
      setFilter((root) => updateNode(root, key, () => null));
      setTimeout(() => next?.focus(), 0);
    },
    add: (groupKey, node: DraftNode) => {
      setFilter((root) => updateNode(root, groupKey, (g) => (g.on === "group" ? { ...g, conditions: [...g.conditions, node] } : g)));
      setFocusKey(node.on === "group" ? (node.conditions[0]?.key ?? null) : node.key);
    },
    focusKey,
    registerCompanies: (picked) => setCompanies((known) => [...known, ...picked.filter((p) => !known.some((k) => k.id === p.id))]),
    errorsAt: (path) =>
      errors.flatMap(([key, code]): NodeError[] => {
        if (key === path) return [{ name: "", code }];
        return key.startsWith(`${path}.`) ? [{ name: key.slice(path.length + 1), code }] : [];
      }),
    message,
  };

  const definition = toDefinition(filter, columns, sort);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const base = { moduleId: module.id, name, shared, definition };
    run(target.mode === "edit" ? { ...base, viewId: target.viewId, version: target.version } : base);
  };
  const topError = (key: string) => {
    const code = errors.find(([k]) => k === key || k.startsWith(`${key}.`))?.[1];
    return code ? message(code) : undefined;
  };
  const summary = describeFilter(filter, (key, values) => t(key, values), { module, users, companies, locale });

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label={t("form")} className="space-y-6">
      <FormMessage state={saved ? null : state} />
      <Card className="space-y-4 p-5">
        <TextField
          label={t("name")}
          name="name"
          state={state}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={viewNameMaxLength}
          autoComplete="off"
          autoFocus={target.mode === "create"}
          placeholder={t("namePlaceholder")}
        />
        {canShare && (
          <div>
            <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
                aria-describedby={`${id}-shared-hint`}
              />
              {t("shared")}
            </label>
            <p id={`${id}-shared-hint`} className="mt-1 ml-6 text-xs text-slate-600">
              {t("sharedHint")}
            </p>
            {fieldError(state, "shared") && <p className="mt-1 ml-6 text-xs text-red-700">{message(fieldError(state, "shared")!)}</p>}
          </div>
        )}
      </Card>

      <Section title={t("conditions")} hint={t("conditionsHint")}>
        <BuilderProvider value={context}>
          <GroupEditor group={filter} path="filter" depth={1} total={measure(toRootForCount(filter)).count} />
        </BuilderProvider>
        <div className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <span className="font-medium text-slate-900">{t("summary.title")}: </span>
          <span data-testid="view-summary">{summary}</span>
        </div>
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("columns.title")} hint={t("columns.hint")}>
          <ColumnsEditor fields={module.fields} value={columns} onChange={setColumns} error={topError("columns")} />
        </Section>
        <Section title={t("sort.title")}>
          <SortEditor fields={module.fields} value={sort} onChange={setSort} error={topError("sort")} />
        </Section>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending || saved !== null} pendingLabel={t("saving")}>
          {target.mode === "create" ? t("create") : t("save")}
        </SubmitButton>
        <Link href={target.mode === "edit" ? `/modules/${module.id}?view=${target.viewId}` : `/modules/${module.id}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** measure() counts conditions of a stored tree; a draft has the same shape where it counts. */
const toRootForCount = (filter: DraftGroup) => filter as unknown as Parameters<typeof measure>[0];

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card className="p-5">
      <section aria-labelledby={id}>
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {hint && <p className="mt-1 mb-4 text-sm text-slate-600">{hint}</p>}
        {!hint && <div className="mb-4" />}
        {children}
      </section>
    </Card>
  );
}
