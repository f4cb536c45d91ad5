import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { CardListRow } from "@/lib/cards/list-cards";
import { NextTodoCell } from "./next-todo-cell";
import { StatusBadge } from "./status-badge";

/**
 * The card list: one row per card with its next open todo (the filtered user's, with a user filter).
 * Dense on purpose — this is where a salesperson spends the day. Styles shared by every row sit on
 * the tbody, so each of the rows (sent twice: HTML and the React payload) carries only its own.
 */
export async function CardTable({ rows, moduleName, now, timeZone }: { rows: CardListRow[]; moduleName: string; now: Date; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations("cards.list"), getLocale()]);
  const activity = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone }); // one for all rows
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption", { module: moduleName })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50/80 text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.name")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.nextTodo")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.status")}
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
              {t("columns.owner")}
            </th>
            <th scope="col" className="hidden px-4 py-2.5 text-right font-medium xl:table-cell">
              {t("columns.activity")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 *:align-top *:hover:bg-slate-50/70 [&>tr>*]:px-4 [&>tr>*]:py-2.5">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="max-w-72 font-normal">
                <Link href={`/cards/${row.id}`} prefetch={false} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {row.name}
                </Link>
                {row.contact && (
                  <span className="mt-0.5 block truncate text-xs text-slate-500">
                    {row.contact.name}
                    {row.contact.others > 0 && <span className="text-slate-500"> · {t("others", { count: row.contact.others })}</span>}
                  </span>
                )}
              </th>
              <td className="min-w-64">
                {row.nextTodo ? (
                  <NextTodoCell todo={row.nextTodo} now={now} timeZone={timeZone} />
                ) : (
                  <span className="text-xs text-slate-500 italic">{t("noTodo")}</span>
                )}
              </td>
              <td>
                <StatusBadge name={row.status.name} color={row.status.color} />
              </td>
              <td className="hidden whitespace-nowrap text-slate-700 md:table-cell">
                {row.owner?.name ?? <span className="text-slate-500">{t("noOwner")}</span>}
              </td>
              <td className="hidden text-right text-xs whitespace-nowrap text-slate-500 tabular-nums xl:table-cell">
                <time dateTime={row.lastActivityAt.toISOString()}>
                  {activity.format(row.lastActivityAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
