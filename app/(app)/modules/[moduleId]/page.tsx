import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardListFilters } from "@/components/card-list/card-list-filters";
import { CardListHeader } from "@/components/card-list/card-list-header";
import { CardTable } from "@/components/card-list/card-table";
import { listCardsOrFirstPage, loadCardListContext } from "@/components/card-list/load-card-list";
import { loadListView, moduleFields, sortFieldChoices, validSort } from "@/components/card-list/load-list-view";
import { cardListHref, hasFilters, type CardListParams, type SearchParams } from "@/components/card-list/list-params";
import { statusFilterItems } from "@/components/card-list/status-items";
import { StatusSidebar } from "@/components/card-list/status-sidebar";
import { ViewNotice } from "@/components/card-list/view-notice";
import { LiveRefresh } from "@/components/live/live-provider";
import { ViewSwitcher } from "@/components/views/view-switcher";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { defaultCardSort, sameSort, sortKey, type CardSort } from "@/lib/cards/card-list-cursor";
import { statusCounts } from "@/lib/cards/status-counts";
import { viewTotals } from "@/lib/cards/view-totals";
import { listActiveModules } from "@/lib/modules/list-modules";
import { listViews } from "@/lib/views/list-views";

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<SearchParams> };

export default async function CardListPage({ params, searchParams }: Props) {
  const actor = await requirePermission("cards.view");
  const { moduleId } = await params;
  const ctx = await loadCardListContext(actor, moduleId, await searchParams);
  const { db, config, params: p, now, timeZone } = ctx;
  const path = `/modules/${config.module.id}`;
  const [view, views] = await Promise.all([loadListView(ctx), listViews(db, actor, config.module.id)]);
  const fields = moduleFields(ctx);
  // The URL's sort wins over the view's default; one the module cannot sort by falls back to the default.
  const defaultSort = view?.list.sort ?? defaultCardSort;
  const sort = validSort(p.sort, fields) ?? defaultSort;
  const query = { moduleId: config.module.id, userId: p.user, statusId: p.status, sort, q: p.q, view: view?.list, now, timeZone };

  const page = await listCardsOrFirstPage(db, actor, { ...query, after: p.after });
  const cursorReset = page.cursorReset;
  const [counts, totals] = await Promise.all([
    statusCounts(db, actor, { moduleId: config.module.id, userId: p.user, q: p.q, view: view?.list }),
    view ? viewTotals(db, actor, { ...query, view: view.list }) : {},
  ]);
  const t = await getTranslations("cards.list");
  const total = p.status ? (counts.byStatus[p.status] ?? 0) : counts.total;
  const totalCapped = p.status ? counts.capped.includes(p.status) : counts.capped.length > 0;
  /** Every link keeps the view; a sort equal to the default stays out of the URL. */
  const linkParams: CardListParams = { ...p, sort: sameSort(sort, defaultSort) ? null : sort };
  const href = (change: Partial<CardListParams>) => cardListHref(path, { ...linkParams, ...change });
  const clearHref = href({ user: null, status: null, q: "", after: null });
  const statusItems = statusFilterItems(
    config.statuses.map((s) => ({ id: s.id, name: s.name, color: s.color, archived: s.archivedAt !== null })),
    counts,
    p.status,
    { all: t("allStatuses"), archived: (name) => t("archivedStatus", { name }) },
  );
  const columns = view?.list.columns ?? [];
  const userNames = new Map(ctx.users.map((u) => [u.id, u.name]));
  const tFields = await getTranslations("card.fields");

  return (
    <>
      <LiveRefresh moduleId={config.module.id} />
      <CardListHeader
        module={config.module}
        view="list"
        params={linkParams}
        total={counts.total}
        totalCapped={counts.capped.length > 0}
        viewName={view?.name}
        switcher={<ViewSwitcher moduleId={config.module.id} views={views} currentViewId={view?.id ?? null} basePath={path} keep={{ user: p.user, q: p.q }} canEmail={can(actor, "email.bulk_send")} />}
      />
      <div className="grid grid-cols-1 gap-4 md:gap-6 xl:grid-cols-[13rem_minmax(0,1fr)]">
        <aside className="hidden md:block">
          <StatusSidebar path={path} params={linkParams} items={statusItems} />
        </aside>
        <section aria-labelledby="card-list-heading" className="min-w-0 space-y-4">
          <h2 id="card-list-heading" className="sr-only">
            {t("caption", { module: config.module.name })}
          </h2>
          <ViewNotice view={view} />
          <CardListFilters
            key={`${p.view}|${p.user}|${sortKey(sort)}|${p.q}|${p.status}`}
            path={path}
            params={p}
            users={ctx.users}
            statuses={statusItems}
            sort={sort}
            defaultSort={defaultSort}
            sortFields={sortFieldChoices(fields, columns, sort)}
          />
          {cursorReset && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("invalidCursor")}
            </p>
          )}
          {page.rows.length === 0 ? (
            counts.total === 0 && !hasFilters(p) && !view ? (
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
              <CardTable
                rows={page.rows}
                moduleName={config.module.name}
                now={now}
                timeZone={timeZone}
                columns={columns}
                totals={totals}
                sorting={{ sort, href: (next: CardSort) => href({ sort: sameSort(next, defaultSort) ? null : next, after: null }) }}
                userName={(id) => userNames.get(id) ?? tFields("none")}
              />
              <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
                <span>{t(totalCapped ? "pageSummaryCapped" : "pageSummary", { shown: page.rows.length, total })}</span>
                <span className="flex gap-2">
                  {p.after && !cursorReset && (
                    <Link href={href({ after: null })} className={buttonClass("ghost", "sm")}>
                      {t("firstPage")}
                    </Link>
                  )}
                  {page.nextCursor && (
                    <Link href={href({ after: page.nextCursor })} className={buttonClass("secondary", "sm")}>
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
