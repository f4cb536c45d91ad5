import { getTranslations } from "next-intl/server";
import { Board } from "@/components/board/board";
import type { BoardColumnData } from "@/components/board/board-types";
import { CardListFilters } from "@/components/card-list/card-list-filters";
import { CardListHeader } from "@/components/card-list/card-list-header";
import { cardListHref, type CardListParams, type SearchParams } from "@/components/card-list/list-params";
import { loadCardListContext } from "@/components/card-list/load-card-list";
import { loadListView, moduleFields, sortFieldChoices, validSort } from "@/components/card-list/load-list-view";
import { ViewNotice } from "@/components/card-list/view-notice";
import { LiveRefresh } from "@/components/live/live-provider";
import { ViewSwitcher } from "@/components/views/view-switcher";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { defaultCardSort, sameSort, sortKey } from "@/lib/cards/card-list-cursor";
import { listCards } from "@/lib/cards/list-cards";
import { statusCounts } from "@/lib/cards/status-counts";
import { listActiveModules } from "@/lib/modules/list-modules";
import { listViews } from "@/lib/views/list-views";

type Props = { params: Promise<{ moduleId: string }>; searchParams: Promise<SearchParams> };

/** How many cards a column shows; the rest are one click away in the list, filtered by that status. */
const perColumn = 30;

/** The module's cards by status — a view's cards when the URL names one (its columns stay the statuses). */
export default async function BoardPage({ params, searchParams }: Props) {
  const actor = await requirePermission("cards.view");
  const { moduleId } = await params;
  const ctx = await loadCardListContext(actor, moduleId, await searchParams);
  const { db, config, params: p, users, now, timeZone } = ctx;
  const [view, views] = await Promise.all([loadListView(ctx), listViews(db, actor, config.module.id)]);
  const defaultSort = view?.list.sort ?? defaultCardSort;
  const fields = moduleFields(ctx);
  const sort = validSort(p.sort, fields) ?? defaultSort;
  const filters = { moduleId: config.module.id, userId: p.user, q: p.q, view: view?.list };
  const counts = await statusCounts(db, actor, filters);
  const live = config.statuses.filter((s) => !s.archivedAt);
  const linkParams: CardListParams = { ...p, status: null, sort: sameSort(sort, defaultSort) ? null : sort };

  // The same query as the list, once per column (a handful of statuses, each an index range).
  const columns: BoardColumnData[] = [];
  for (const status of live) {
    const { rows } = await listCards(db, actor, { ...filters, statusId: status.id, sort, limit: perColumn, now, timeZone });
    columns.push({
      status: { id: status.id, name: status.name, color: status.color },
      count: counts.byStatus[status.id] ?? 0,
      countCapped: counts.capped.includes(status.id),
      cards: rows.map(({ id, name, version, owner, contact, nextTodo }) => ({ id, name, version, owner, contact, nextTodo })),
      listHref: cardListHref(`/modules/${config.module.id}`, { ...linkParams, status: status.id, after: null }),
    });
  }
  const t = await getTranslations("cards.board");

  return (
    <>
      <LiveRefresh moduleId={config.module.id} />
      <CardListHeader
        module={config.module}
        view="board"
        params={linkParams}
        total={counts.total}
        totalCapped={counts.capped.length > 0}
        viewName={view?.name}
        switcher={<ViewSwitcher moduleId={config.module.id} views={views} currentViewId={view?.id ?? null} basePath={`/modules/${config.module.id}/board`} keep={{ user: p.user, q: p.q }} canEmail={can(actor, "email.bulk_send")} />}
      />
      <h2 className="sr-only">{t("caption", { module: config.module.name })}</h2>
      <div className="mb-4 space-y-4">
        <ViewNotice view={view} />
        <CardListFilters
          key={`${p.view}|${p.user}|${sortKey(sort)}|${p.q}`}
          path={`/modules/${config.module.id}/board`}
          params={linkParams}
          users={users}
          sort={sort}
          defaultSort={defaultSort}
          sortFields={sortFieldChoices(fields, view?.list.columns ?? [], sort)}
        />
      </div>
      <Board columns={columns} moduleName={config.module.name} serverNow={now} timeZone={timeZone} />
    </>
  );
}

export async function generateMetadata({ params }: Props) {
  const { moduleId } = await params;
  const modules = await listActiveModules(await getDb());
  const name = modules.find((m) => m.id === moduleId)?.name;
  return { title: name ? (await getTranslations("cards.board"))("title", { module: name }) : undefined };
}
