import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { cardListHref, type CardListParams } from "./list-params";
import type { StatusFilterItem } from "./status-items";

/**
 * The module's statuses, top to bottom as the pipeline runs, each with how many cards the current
 * user filter and search leave in it. A click filters the list; "All" clears the status. A column
 * beside the list on wide screens, a wrapping row of chips above it from `md`; on a phone the
 * filters' status select replaces it.
 */
export async function StatusSidebar({
  path,
  params,
  items,
}: {
  path: string;
  params: CardListParams;
  items: StatusFilterItem[];
}) {
  const [t, format] = await Promise.all([getTranslations("cards.list"), getFormatter()]);
  const keep = { view: params.view, user: params.user, sort: params.sort, q: params.q };
  return (
    <nav aria-label={t("statuses")} className="xl:sticky xl:top-20">
      <h2 className="sr-only mb-2 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase xl:not-sr-only">{t("statuses")}</h2>
      <ul className="flex flex-wrap gap-1 xl:flex-col">
        {items.map((item) => {
          const current = item.id === params.status;
          return (
            <li key={item.id ?? "all"} className="min-w-0">
              <Link
                href={cardListHref(path, { ...keep, status: item.id })}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm whitespace-nowrap transition-colors",
                  current ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {item.color ? (
                  <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: item.color }} aria-hidden />
                ) : (
                  <span className="size-2.5 shrink-0" aria-hidden />
                )}
                <span className="max-w-48 min-w-0 flex-1 truncate xl:max-w-none">{item.name}</span>
                <span className={cn("ml-2 rounded-full px-1.5 text-xs tabular-nums", current ? "bg-white text-brand-700" : "text-slate-500")}>
                  {format.number(item.count)}
                  {item.capped && "+"}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
