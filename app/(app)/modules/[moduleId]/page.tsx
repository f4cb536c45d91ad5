import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardListFilters } from "@/components/card-list/card-list-filters";
import { CardListHeader } from "@/components/card-list/card-list-header";
import { CardTable } from "@/components/card-list/card-table";
import { listCardsOrFirstPage, loadCardListContext } from "@/components/card-list/load-card-list";
import { cardListHref, hasFilters, type SearchParams } from "@/components/card-list/list-params";
import { statusFilterItems } from "@/components/card-list/status-items";
import { StatusSidebar } from "@/components/card-list/status-sidebar";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { statusCounts } from "@/lib/cards/status-counts";
import { listActiveModules } from "@/lib/modules/list-modules";

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<SearchParams> };

export default async function CardListPage({ params, searchParams }: Props) {
  const actor = await requirePermission("cards.view");
  const { moduleId } = await params;
  const ctx = await loadCardListContext(actor, moduleId, await searchParams);
  const { db, config, params: p, now, timeZone } = ctx;
  const path = `/modules/${config.module.id}`;
  const query = { moduleId: config.module.id, userId: p.user, statusId: p.status, sort: p.sort, q: p.q, now, timeZone };

  const page = await listCardsOrFirstPage(db, actor, { ...query, after: p.after });
  const cursorReset = page.cursorReset;
  const counts = await statusCounts(db, actor, { moduleId: config.module.id, userId: p.user, q: p.q });
  const t = await getTranslations("cards.list");
  const total = p.status ? (counts.byStatus[p.status] ?? 0) : counts.total;
  const totalCapped = p.status ? counts.capped.includes(p.status) : counts.capped.length > 0;
  const clearHref = cardListHref(path, { sort: p.sort });
  const statusItems = statusFilterItems(
    config.statuses.map((s) => ({ id: s.id, name: s.name, color: s.color, archived: s.archivedAt !== null })),
    counts,
    p.status,
    { all: t("allStatuses"), archived: (name) => t("archivedStatus", { name }) },
  );

  return (
    <>
      <LiveRefresh moduleId={config.module.id} />
      <CardListHeader module={config.module} view="list" params={p} total={counts.total} totalCapped={counts.capped.length > 0} />
      <div className="grid grid-cols-1 gap-4 md:gap-6 xl:grid-cols-[13rem_minmax(0,1fr)]">
        <aside className="hidden md:block">
          <StatusSidebar path={path} params={p} items={statusItems} />
        </aside>
        <section aria-labelledby="card-list-heading" className="min-w-0 space-y-4">
          <h2 id="card-list-heading" className="sr-only">
            {t("caption", { module: config.module.name })}
          </h2>
          <CardListFilters key={`${p.user}|${p.sort}|${p.q}|${p.status}`} path={path} params={p} users={ctx.users} statuses={statusItems} />
          {cursorReset && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("invalidCursor")}
            </p>
          )}
          {page.rows.length === 0 ? (
            counts.total === 0 && !hasFilters(p) ? (
              <EmptyState
                title={t("emptyTitle")}
                icon={<CardsIcon />}
                action={
                  <Link href={`${path}/new`} className={buttonClass()}>
                    {t("newCard")}
                  </Link>
                }
              >
                {t("emptyBody", { module: config.module.name })}
              </EmptyState>
            ) : (
              <EmptyState
                title={t("noMatchTitle")}
                icon={<SearchIcon />}
                action={
                  <Link href={clearHref} className={buttonClass("secondary")}>
                    {t("clearFilters")}
                  </Link>
                }
              >
                {t("noMatchBody")}
              </EmptyState>
            )
          ) : (
            <>
              <CardTable rows={page.rows} moduleName={config.module.name} now={now} timeZone={timeZone} />
              <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
                <span>{t(totalCapped ? "pageSummaryCapped" : "pageSummary", { shown: page.rows.length, total })}</span>
                <span className="flex gap-2">
                  {p.after && !cursorReset && (
                    <Link href={cardListHref(path, { ...p, after: null })} className={buttonClass("ghost", "sm")}>
                      {t("firstPage")}
                    </Link>
                  )}
                  {page.nextCursor && (
                    <Link href={cardListHref(path, { ...p, after: page.nextCursor })} className={buttonClass("secondary", "sm")}>
                      {t("nextPage")}
                      <span aria-hidden>→</span>
                    </Link>
                  )}
                </span>
              </nav>
            </>
          )}
        </section>
      </div>
    </>
  );
}

export async function generateMetadata({ params }: Props) {
  const { moduleId } = await params;
  const modules = await listActiveModules(await getDb());
  return { title: modules.find((m) => m.id === moduleId)?.name };
}

function CardsIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <path d="M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v11a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 17.5v-11ZM8 9h8M8 12.5h8M8 16h5" strokeLinecap="round" />
    </svg>
  );
}

function SearchIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}
