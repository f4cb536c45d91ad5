import Link from "next/link";
import { ZodError } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { RestoreButton } from "@/components/trash/restore-button";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { listTrashedCards, listTrashedTodos, type TrashPage } from "@/lib/trash/list-trash";

export async function generateMetadata() {
  return { title: (await getTranslations("card.trash"))("title") };
}

type Search = { cards?: string; todos?: string };
type SearchParams = { cards?: string | string[]; todos?: string | string[] };

/** A bad or outdated cursor in the URL starts the list from the newest again. */
async function pageOr<T>(load: (cursor?: string) => Promise<TrashPage<T>>, cursor: string | undefined): Promise<TrashPage<T>> {
  try {
    return await load(cursor);
  } catch (error) {
    if (cursor && (error instanceof DomainError || error instanceof ZodError)) return load(undefined);
    throw error;
  }
}

export default async function TrashPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("trash.view");
  const params = await searchParams;
  const search: Search = { cards: typeof params.cards === "string" ? params.cards : undefined, todos: typeof params.todos === "string" ? params.todos : undefined };
  const db = await getDb();
  const [cards, todos, org, t, format] = await Promise.all([
    pageOr((cursor) => listTrashedCards(db, actor, { cursor }), search.cards),
    pageOr((cursor) => listTrashedTodos(db, actor, { cursor }), search.todos),
    getOrganisation(db),
    getTranslations("card.trash"),
    getFormatter(),
  ]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  const href = (key: keyof Search, value: string | null) => {
    const query = new URLSearchParams();
    for (const k of ["cards", "todos"] as const) {
      const v = k === key ? value : search[k];
      if (v) query.set(k, v);
    }
    const qs = query.toString();
    return qs ? `/trash?${qs}` : "/trash";
  };
  const pager = (key: keyof Search, next: string | null) => (
    <div className="flex gap-2 border-t border-slate-100 px-4 py-3">
      {search[key] && (
        <Link href={href(key, null)} className={buttonClass("ghost", "sm")}>
          {t("newest")}
        </Link>
      )}
      {next && (
        <Link href={href(key, next)} className={buttonClass("secondary", "sm")}>
          {t("older")}
        </Link>
      )}
    </div>
  );
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {cards.items.length === 0 && todos.items.length === 0 && !search.cards && !search.todos ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-8">
          <Card className="overflow-hidden">
            <section aria-labelledby="trash-cards">
              <h2 id="trash-cards" className="border-b border-slate-100 px-4 py-3 text-base font-semibold">
                {t("cards")}
              </h2>
              {cards.items.length === 0 ? (
                <p className="px-4 py-6 text-sm text-slate-500">{t("noCards")}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead className="bg-slate-50">
                      <tr>
                        <th className={th}>{t("name")}</th>
                        <th className={th}>{t("module")}</th>
                        <th className={th}>{t("trashedBy")}</th>
                        <th className={th}>{t("trashedAt")}</th>
                        <th className={th}>
                          <span className="sr-only">{t("actions")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {cards.items.map((c) => (
                        <tr key={c.id}>
                          <td className="px-4 py-2.5 font-medium text-slate-900">{c.name}</td>
                          <td className="px-4 py-2.5 text-slate-700">{c.moduleName}</td>
                          <td className="px-4 py-2.5 text-slate-700">{c.deletedByName ?? t("system")}</td>
                          <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">{when(c.deletedAt)}</td>
                          <td className="px-4 py-2 text-right">
                            <RestoreButton kind="card" id={c.id} name={c.name} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {(cards.nextCursor || search.cards) && pager("cards", cards.nextCursor)}
            </section>
          </Card>

          <Card className="overflow-hidden">
            <section aria-labelledby="trash-todos">
              <h2 id="trash-todos" className="border-b border-slate-100 px-4 py-3 text-base font-semibold">
                {t("todos")}
              </h2>
              {todos.items.length === 0 ? (
                <p className="px-4 py-6 text-sm text-slate-500">{t("noTodos")}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead className="bg-slate-50">
                      <tr>
                        <th className={th}>{t("todo")}</th>
                        <th className={th}>{t("card")}</th>
                        <th className={th}>{t("trashedBy")}</th>
                        <th className={th}>{t("trashedAt")}</th>
                        <th className={th}>
                          <span className="sr-only">{t("actions")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {todos.items.map((todo) => (
                        <tr key={todo.id}>
                          <td className="px-4 py-2.5 font-medium text-slate-900">{todo.text}</td>
                          <td className="px-4 py-2.5">
                            <Link href={`/cards/${todo.cardId}`} className="text-brand-700 hover:underline">
                              {todo.cardName}
                            </Link>
                            <span className="block text-xs text-slate-500">{todo.moduleName}</span>
                          </td>
                          <td className="px-4 py-2.5 text-slate-700">{todo.deletedByName ?? t("system")}</td>
                          <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">{when(todo.deletedAt)}</td>
                          <td className="px-4 py-2 text-right">
                            <RestoreButton kind="todo" id={todo.id} name={todo.text} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {(todos.nextCursor || search.todos) && pager("todos", todos.nextCursor)}
            </section>
          </Card>
        </div>
      )}
    </>
  );
}
