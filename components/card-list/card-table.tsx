import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatFieldValue, formatMoney } from "@/components/card-page/format-value";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { sameSort, sortDirection, type CardSort } from "@/lib/cards/card-list-cursor";
import type { CardListRow } from "@/lib/cards/list-cards";
import type { MoneyTotal } from "@/lib/cards/view-totals";
import type { FieldConfig } from "@/lib/modules/get-module-config";
import { sortableFieldTypes } from "@/lib/views/definition";
import { NextTodoCell } from "./next-todo-cell";
import { StatusBadge } from "./status-badge";

/** What the column headers need to sort: the order shown and a link to the list in another order. */
export type TableSorting = { sort: CardSort; href: (sort: CardSort) => string };

const numeric = new Set(["number", "money"]);

/**
 * The card list: one row per card with its next open todo (the filtered user's, with a user filter).
 * Dense on purpose — this is where a salesperson spends the day. One markup for every width: from `md`
 * up a table; below it (a phone on the road) each row reflows into a stacked block — name and status,
 * the next todo with its deadline style, owner and last activity — and the whole block is the link's
 * target. A table whose display is changed loses its semantics in some browsers, so the table's ARIA
 * roles are spelled out. Styles shared by every row sit on the tbody, so each of the rows (sent twice:
 * HTML and the React payload) carries only its own.
 *
 * A view adds its columns after the fixed ones (formatted as the card page shows values) and, for its
 * money columns, a footer with the sums per currency over every card of the list, not just this page.
 * Headers of sortable columns are links that sort the list (aria-sort says which one does).
 */
export async function CardTable({
  rows,
  moduleName,
  now,
  timeZone,
  columns = [],
  totals = {},
  sorting,
  userName,
}: {
  rows: CardListRow[];
  moduleName: string;
  now: Date;
  timeZone: string;
  /** The view's custom field columns. */
  columns?: FieldConfig[];
  /** Per money column, its sums per currency (viewTotals). */
  totals?: Record<string, MoneyTotal[]>;
  sorting: TableSorting;
  userName: (id: string) => string;
}) {
  const [t, tf, locale] = await Promise.all([getTranslations("cards.list"), getTranslations("card.fields"), getLocale()]);
  const valueFormat = { locale, userName, yes: tf("yes"), no: tf("no") };
  const columnName = (f: FieldConfig) => (f.archived ? tf("archived", { name: f.name }) : f.name);
  const moneyColumns = columns.filter((c) => c.type === "money");
  // A view's columns take their room from the wide ones: the card name narrows, last activity waits for a wide screen.
  const activityFrom = columns.length > 0 ? "2xl:table-cell" : "lg:table-cell";
  const sumOf = (fieldId: string) => (totals[fieldId] ?? []).map((m) => formatMoney(m.amount, m.currency, locale)).join(" · ");

  /** A header cell; a sortable column's label is a link to that order (a field's flips direction when it is already the sort). */
  const header = (label: string, key: string, sortBy: CardSort | null, className?: string): ReactNode => {
    const current = sortBy && (sameSort(sortBy, sorting.sort) || (sortBy.by === "field" && sorting.sort.by === "field" && sortBy.fieldId === sorting.sort.fieldId));
    const direction = current ? sortDirection(sorting.sort) : null;
    const next = sortBy?.by === "field" && direction === "asc" ? { ...sortBy, direction: "desc" as const } : sortBy;
    return (
      <th key={key} role="columnheader" scope="col" aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined} className={cn("px-4 py-2.5 font-medium", className)}>
        {next ? (
          <Link href={sorting.href(next)} className={cn("inline-flex items-center gap-1 rounded-sm hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500", current && "text-slate-900")}>
            {label}
            <svg className={cn("size-3", !current && "opacity-40")} viewBox="0 0 12 12" fill="currentColor" aria-hidden>
              <path d={direction === "desc" ? "M2 4h8L6 9z" : "M2 8h8L6 3z"} />
            </svg>
            <span className="sr-only">
              {" "}
              ({t(next.by === "activity" ? "sortNewestFirst" : sortDirection(next) === "desc" ? "sortDescending" : "sortAscending")})
            </span>
          </Link>
        ) : (
          label
        )}
      </th>
    );
  };
  const activity = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone }); // one for all rows
  const phoneLabel = (label: string) => (
    <span className="text-slate-500 md:hidden" aria-hidden>
      {label}:{" "}
    </span>
  );
  return (
    <Card className="md:overflow-x-auto">
      <table role="table" className="block w-full text-left text-sm md:table">
        <caption className="sr-only">{t("caption", { module: moduleName })}</caption>
        <thead role="rowgroup" className="sr-only border-b border-slate-200 bg-slate-50/80 text-xs font-medium text-slate-500 md:not-sr-only md:table-header-group">
          <tr role="row">
            {header(t("columns.name"), "name", { by: "name" })}
            {header(t("columns.nextTodo"), "nextTodo", { by: "deadline" })}
            {header(t("columns.status"), "status", null)}
            {header(t("columns.owner"), "owner", null)}
            {columns.map((f) =>
              header(columnName(f), f.id, sortableFieldTypes.includes(f.type) ? { by: "field", fieldId: f.id, direction: "asc" } : null, cn(numeric.has(f.type) && "text-right")),
            )}
            {header(t("columns.activity"), "activity", { by: "activity" }, cn("text-right md:hidden", activityFrom))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="block divide-y divide-slate-100 md:table-row-group *:relative *:grid *:grid-cols-[minmax(0,1fr)_auto] *:gap-x-3 *:gap-y-1.5 *:px-4 *:py-3 *:hover:bg-slate-50/70 md:*:table-row md:*:align-top md:[&>tr>*]:px-4 md:[&>tr>*]:py-2.5"
        >
          {rows.map((row) => (
            <tr key={row.id} role="row">
              <th role="rowheader" scope="row" className={cn("min-w-0 font-normal md:w-[30%]", columns.length > 0 ? "md:max-w-60" : "md:max-w-72")}>
                {/* On a phone the link's ::after covers the whole row, as a thumb expects. */}
                <Link
                  href={`/cards/${row.id}`}
                  prefetch={false}
                  className="block font-medium break-words text-slate-900 hover:text-brand-700 hover:underline max-md:after:absolute max-md:after:inset-0 md:relative md:truncate"
                >
                  {row.name}
                  <LinkPendingHint className="inset-x-0 bottom-0" />
                </Link>
                {row.contact && (
                  <span className="mt-0.5 block truncate text-xs text-slate-500">
                    {row.contact.name}
                    {row.contact.others > 0 && <span> · {t("others", { count: row.contact.others })}</span>}
                  </span>
                )}
              </th>
              <td role="cell" className="col-span-2 md:min-w-52">
                {row.nextTodo ? (
                  <NextTodoCell todo={row.nextTodo} now={now} timeZone={timeZone} />
                ) : (
                  <span className="text-xs text-slate-500 italic">{t("noTodo")}</span>
                )}
              </td>
              <td role="cell" className="col-start-2 row-start-1">
                <StatusBadge name={row.status.name} color={row.status.color} />
              </td>
              <td role="cell" className="min-w-0 truncate text-xs text-slate-700 md:max-w-40 md:text-sm md:whitespace-nowrap">
                {phoneLabel(t("columns.owner"))}
                {row.owner?.name ?? <span className="text-slate-500">{t("noOwner")}</span>}
              </td>
              {columns.map((f) => {
                const value = formatFieldValue(f, row.values[f.id], valueFormat);
                return (
                  <td key={f.id} role="cell" className={cn("col-span-2 min-w-0 text-xs max-md:order-last text-slate-700 md:max-w-56 md:truncate md:text-sm", numeric.has(f.type) && "tabular-nums md:text-right md:whitespace-nowrap")}>
                    {phoneLabel(columnName(f))}
                    {value ?? <span className="text-slate-500">{tf("none")}</span>}
                  </td>
                );
              })}
              <td role="cell" className={cn("text-right text-xs whitespace-nowrap text-slate-500 tabular-nums md:hidden", activityFrom)}>
                {phoneLabel(t("columns.activity"))}
                <time dateTime={row.lastActivityAt.toISOString()}>{activity.format(row.lastActivityAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
        {moneyColumns.length > 0 && (
          <tfoot role="rowgroup" className="block border-t border-slate-200 bg-slate-50/80 text-sm font-medium text-slate-900 md:table-footer-group">
            <tr role="row" className="grid gap-1 px-4 py-3 md:table-row md:[&>*]:px-4 md:[&>*]:py-2.5">
              <th role="rowheader" scope="row" colSpan={4} className="text-left font-semibold">
                {t("total")}
              </th>
              {columns.map((f) =>
                f.type === "money" ? (
                  <td key={f.id} role="cell" className="tabular-nums md:text-right md:whitespace-nowrap">
                    <span className="font-normal text-slate-500 md:sr-only">{columnName(f)}: </span>
                    {sumOf(f.id) || <span className="text-slate-500">{tf("none")}</span>}
                  </td>
                ) : (
                  <td key={f.id} role="cell" className="max-md:hidden" />
                ),
              )}
              <td role="cell" className={cn("hidden", activityFrom)} />
            </tr>
          </tfoot>
        )}
      </table>
    </Card>
  );
}
