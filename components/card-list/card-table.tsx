import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Card } from "@/components/ui/card";
import type { CardListRow } from "@/lib/cards/list-cards";
import { NextTodoCell } from "./next-todo-cell";
import { StatusBadge } from "./status-badge";

/**
 * The card list: one row per card with its next open todo (the filtered user's, with a user filter).
 * Dense on purpose — this is where a salesperson spends the day. One markup for every width: from `md`
 * up a table; below it (a phone on the road) each row reflows into a stacked block — name and status,
 * the next todo with its deadline style, owner and last activity — and the whole block is the link's
 * target. A table whose display is changed loses its semantics in some browsers, so the table's ARIA
 * roles are spelled out. Styles shared by every row sit on the tbody, so each of the rows (sent twice:
 * HTML and the React payload) carries only its own.
 */
export async function CardTable({ rows, moduleName, now, timeZone }: { rows: CardListRow[]; moduleName: string; now: Date; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations("cards.list"), getLocale()]);
  const activity = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone }); // one for all rows
  const phoneLabel = (label: string) => (
    <span className="text-slate-500 md:hidden" aria-hidden>
      {label}:{" "}
    </span>
  );
  return (
    <Card>
      <table role="table" className="block w-full text-left text-sm md:table">
        <caption className="sr-only">{t("caption", { module: moduleName })}</caption>
        <thead role="rowgroup" className="sr-only border-b border-slate-200 bg-slate-50/80 text-xs font-medium text-slate-500 md:not-sr-only md:table-header-group">
          <tr role="row">
            <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.name")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.nextTodo")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.status")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.owner")}
            </th>
            <th role="columnheader" scope="col" className="px-4 py-2.5 text-right font-medium md:hidden lg:table-cell">
              {t("columns.activity")}
            </th>
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="block divide-y divide-slate-100 md:table-row-group *:relative *:grid *:grid-cols-[minmax(0,1fr)_auto] *:gap-x-3 *:gap-y-1.5 *:px-4 *:py-3 *:hover:bg-slate-50/70 md:*:table-row md:*:align-top md:[&>tr>*]:px-4 md:[&>tr>*]:py-2.5"
        >
          {rows.map((row) => (
            <tr key={row.id} role="row">
              <th role="rowheader" scope="row" className="min-w-0 font-normal md:w-[30%] md:max-w-72">
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
              <td role="cell" className="text-right text-xs whitespace-nowrap text-slate-500 tabular-nums md:hidden lg:table-cell">
                {phoneLabel(t("columns.activity"))}
                <time dateTime={row.lastActivityAt.toISOString()}>{activity.format(row.lastActivityAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
