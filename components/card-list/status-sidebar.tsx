import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { StatusCounts } from "@/lib/cards/status-counts";
import { cardListHref, type CardListParams } from "./list-params";

export type SidebarStatus = { id: string; name: string; color: string; archived: boolean };

/**
 * The module's statuses, top to bottom as the pipeline runs, each with how many cards the current
 * user filter and search leave in it. A click filters the list; "All" clears the status.
 */
export async function StatusSidebar({
  path,
  params,
  statuses,
  counts,
}: {
  path: string;
  params: CardListParams;
  statuses: SidebarStatus[];
  counts: StatusCounts;
}) {
  const [t, format] = await Promise.all([getTranslations("cards.list"), getFormatter()]);
  const keep = { user: params.user, sort: params.sort, q: params.q };
  const items = [
    { id: null, name: t("allStatuses"), color: null, count: counts.total, capped: counts.capped.length > 0 },
    ...statuses
      .filter((s) => !s.archived || (counts.byStatus[s.id] ?? 0) > 0 || s.id === params.status)
      .map((s) => ({
        id: s.id,
        name: s.archived ? t("archivedStatus", { name: s.name }) : s.name,
        color: s.color,
        count: counts.byStatus[s.id] ?? 0,
        capped: counts.capped.includes(s.id),
      })),
  ];
  return (
    <nav aria-label={t("statuses")} className="lg:sticky lg:top-20">
      <h2 className="mb-2 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("statuses")}</h2>
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible">
        {items.map((item) => {
          const current = item.id === params.status;
          return (
            <li key={item.id ?? "all"} className="shrink-0">
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
                <span className="min-w-0 flex-1 truncate">{item.name}</span>
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
