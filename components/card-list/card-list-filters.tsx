"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Label, Select } from "@/components/ui/input";
import { cardSorts, parseSortKey, sortKey, type CardSort } from "@/lib/cards/card-list-cursor";
import { cardListHref, type CardListParams } from "./list-params";
import type { StatusFilterItem } from "./status-items";

/**
 * User, sort and quick search — and on a phone, where the status sidebar does not fit, the status as a
 * select. A plain GET form (works without JavaScript); with it, a select applies at once, the URL keeps
 * only what differs from the defaults, and the search button spins until the new list is there.
 * Inside a view every choice keeps the view.
 */
export function CardListFilters({
  path,
  params,
  users,
  statuses,
  sort,
  defaultSort,
  sortFields = [],
}: {
  path: string;
  params: CardListParams;
  users: { id: string; name: string }[];
  /** The list's status choices (the board has none: its columns are the statuses). */
  statuses?: StatusFilterItem[];
  /** The order shown, and the one without a `sort` in the URL (the view's, else by next todo). */
  sort: CardSort;
  defaultSort: CardSort;
  /** Custom fields the list can also sort by (the view's sortable columns), each offered both ways. */
  sortFields?: { id: string; name: string }[];
}) {
  const t = useTranslations("cards.list");
  const tStatus = useTranslations("common.statusFilter");
  const format = useFormatter();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const [pending, startTransition] = useTransition();

  const apply = () => {
    const data = new FormData(form.current!);
    const value = (name: string) => String(data.get(name) ?? "");
    const chosen = value("sort");
    const href = cardListHref(path, {
      view: params.view,
      status: value("status") || null,
      user: value("user") || null,
      sort: chosen === sortKey(defaultSort) ? null : parseSortKey(chosen),
      q: value("q").trim(),
    });
    startTransition(() => router.push(href));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply();
  };

  return (
    <form ref={form} action={path} method="get" onSubmit={onSubmit} role="search" aria-label={t("filters")} aria-busy={pending} className={cn("grid items-end gap-2 md:flex md:flex-wrap md:gap-3", "grid-cols-2")}>
      {params.view && <input type="hidden" name="view" value={params.view} />}
      {/* From md up the status sidebar chooses; hidden, this select still carries the status with the form. */}
      {statuses && (
        <div className="min-w-0 md:hidden">
          <Label htmlFor={`${id}-status`} className="text-xs text-slate-500">
            {tStatus("label")}
          </Label>
          <Select id={`${id}-status`} name="status" defaultValue={params.status ?? ""} onChange={apply} className="h-9">
            {statuses.map((s) => (
              <option key={s.id ?? "all"} value={s.id ?? ""}>
                {tStatus("option", { name: s.name, count: `${format.number(s.count)}${s.capped ? "+" : ""}` })}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className="min-w-0 md:w-48">
        <Label htmlFor={`${id}-user`} className="text-xs text-slate-500">
          {t("user")}
        </Label>
        <Select id={`${id}-user`} name="user" defaultValue={params.user ?? ""} onChange={apply} title={t("userHint")} className="h-9">
          <option value="">{t("everyone")}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0 md:w-52">
        <Label htmlFor={`${id}-sort`} className="text-xs text-slate-500">
          {t("sort")}
        </Label>
        <Select id={`${id}-sort`} name="sort" defaultValue={sortKey(sort)} onChange={apply} className="h-9">
          {cardSorts.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
          {sortFields.flatMap((field) =>
            (["asc", "desc"] as const).map((direction) => (
              <option key={`${field.id}.${direction}`} value={sortKey({ by: "field", fieldId: field.id, direction })}>
                {t(direction === "asc" ? "sorts.fieldAsc" : "sorts.fieldDesc", { field: field.name })}
              </option>
            )),
          )}
        </Select>
      </div>
      <div className={cn("min-w-0 md:min-w-56 md:flex-1", !statuses && "col-span-full")}>
        <Label htmlFor={`${id}-q`} className="text-xs text-slate-500">
          {t("search")}
        </Label>
        <div className="flex gap-2">
          <Input id={`${id}-q`} name="q" type="search" defaultValue={params.q} placeholder={t("searchPlaceholder")} maxLength={200} className="h-9" />
          <Button type="submit" variant="secondary" className="h-9" aria-label={t("searchSubmit")}>
            {pending ? (
              <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
            ) : (
              <svg className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden>
                <circle cx="9" cy="9" r="5.5" />
                <path d="m13 13 4 4" strokeLinecap="round" />
              </svg>
            )}
          </Button>
        </div>
      </div>
    </form>
  );
}
