import Link from "next/link";
import { ZodError } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { RestoreButton } from "@/components/trash/restore-button";
import { TemplateRowAction } from "@/components/templates/template-row-actions";
import { TrashSection } from "@/components/trash/trash-section";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { listTrashedTemplates } from "@/lib/templates/list-trashed-templates";
import { listTrashedCards, listTrashedContacts, listTrashedDocuments, listTrashedFolders, listTrashedTodos, listTrashedViews, type TrashPage } from "@/lib/trash/list-trash";

export async function generateMetadata() {
  return { title: (await getTranslations("card.trash"))("title") };
}

const sections = ["cards", "todos", "contacts", "documents", "folders", "views", "templates"] as const;
type Section = (typeof sections)[number];
type SearchParams = Partial<Record<Section, string | string[]>>;

/** A bad or outdated cursor in the URL starts the list from the newest again. */
async function pageOr<T>(load: (cursor?: string) => Promise<TrashPage<T>>, cursor: string | undefined): Promise<TrashPage<T>> {
  try {
    return await load(cursor);
  } catch (error) {
    if (cursor && (error instanceof DomainError || error instanceof ZodError)) return load(undefined);
    throw error;
  }
}

const nothing = <T,>(): TrashPage<T> => ({ items: [], nextCursor: null });

/** Everyone has a trash page for their own views; whoever may browse the trash sees everything else too. */
export default async function TrashPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("cards.view");
  const everything = can(actor, "trash.view");
  const templatesToo = can(actor, "templates.manage");
  const params = await searchParams;
  const search = Object.fromEntries(sections.map((k) => [k, typeof params[k] === "string" ? params[k] : undefined])) as Record<Section, string | undefined>;
  const db = await getDb();
  const foldersToo = everything && can(actor, "documents.manage");
  const [cards, todos, contacts, views, templates, org, t, tViews, tTemplates, format, trashedDocuments, trashedFolders, tDocs] = await Promise.all([
    everything ? pageOr((cursor) => listTrashedCards(db, actor, { cursor }), search.cards) : nothing<never>(),
    everything ? pageOr((cursor) => listTrashedTodos(db, actor, { cursor }), search.todos) : nothing<never>(),
    everything ? pageOr((cursor) => listTrashedContacts(db, actor, { cursor }), search.contacts) : nothing<never>(),
    pageOr((cursor) => listTrashedViews(db, actor, { cursor }), search.views),
    templatesToo ? pageOr((cursor) => listTrashedTemplates(db, actor, { cursor }), search.templates) : nothing<never>(),
    getOrganisation(db),
    getTranslations("card.trash"),
    getTranslations("views.trash"),
    getTranslations("templates.trash"),
    getFormatter(),
    everything ? pageOr((cursor) => listTrashedDocuments(db, actor, { cursor }), search.documents) : nothing<never>(),
    foldersToo ? pageOr((cursor) => listTrashedFolders(db, actor, { cursor }), search.folders) : nothing<never>(),
    getTranslations("documents.trash"),
  ]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  // Each section pages on its own; the others keep their place in the URL.
  const href = (key: Section, value: string | null) => {
    const query = new URLSearchParams();
    for (const k of sections) {
      const v = k === key ? value : search[k];
      if (v) query.set(k, v);
    }
    const qs = query.toString();
    return qs ? `/trash?${qs}` : "/trash";
  };
  const pager = (key: Section, next: string | null) =>
    (next || search[key]) && (
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
  const trashed = (item: { deletedByName: string | null; deletedAt: Date }) => [
    <span key="by" className="text-slate-700">
      {item.deletedByName ?? t("system")}
    </span>,
    <span key="at" className="whitespace-nowrap text-slate-600">
      {when(item.deletedAt)}
    </span>,
  ];
  const nothingAnywhere = sections.every((k) => !search[k]) && cards.items.length + todos.items.length + contacts.items.length + views.items.length + templates.items.length + trashedDocuments.items.length + trashedFolders.items.length === 0;
  const viewsSection = (
    <TrashSection
      id="trash-views"
      title={tViews("title")}
      empty={tViews("none")}
      columns={[t("name"), t("module"), t("trashedBy"), t("trashedAt")]}
      actionsLabel={t("actions")}
      rows={views.items.map((v) => ({
        key: v.id,
        cells: [
          <span key="name">
            <span className="font-medium text-slate-900">{v.name}</span>
            <span className="block text-xs text-slate-500">{tViews(v.shared ? "shared" : "private")}</span>
          </span>,
          <span key="module" className="text-slate-700">{v.moduleName}</span>,
          ...trashed(v),
        ],
        action: <RestoreButton kind="view" id={v.id} name={v.name} />,
      }))}
      pager={pager("views", views.nextCursor)}
    />
  );

  const templatesSection = templatesToo && (
    <TrashSection
      id="trash-templates"
      title={tTemplates("title")}
      empty={tTemplates("none")}
      columns={[t("name"), t("module"), t("trashedBy"), t("trashedAt")]}
      actionsLabel={t("actions")}
      rows={templates.items.map((tpl) => ({
        key: tpl.id,
        cells: [
          <span key="name">
            <span className="font-medium text-slate-900">{tpl.name}</span>
            <span className="block text-xs text-slate-500">{tTemplates(tpl.kind)}</span>
          </span>,
          <span key="module" className="text-slate-700">{tpl.moduleName}</span>,
          ...trashed(tpl),
        ],
        action: <TemplateRowAction verb="restore" kind={tpl.kind} id={tpl.id} name={tpl.name} />,
      }))}
      pager={pager("templates", templates.nextCursor)}
    />
  );

  return (
    <>
      <PageHeader title={t("title")} description={everything ? t("description") : tViews("ownDescription")} />
      {nothingAnywhere ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : !everything ? (
        <div className="space-y-8">
          {viewsSection}
          {templatesSection}
        </div>
      ) : (
        <div className="space-y-8">
          <TrashSection
            id="trash-cards"
            title={t("cards")}
            empty={t("noCards")}
            columns={[t("name"), t("module"), t("trashedBy"), t("trashedAt")]}
            actionsLabel={t("actions")}
            rows={cards.items.map((c) => ({
              key: c.id,
              cells: [<span key="name" className="font-medium text-slate-900">{c.name}</span>, <span key="module" className="text-slate-700">{c.moduleName}</span>, ...trashed(c)],
              action: <RestoreButton kind="card" id={c.id} name={c.name} />,
            }))}
            pager={pager("cards", cards.nextCursor)}
          />
          <TrashSection
            id="trash-todos"
            title={t("todos")}
            empty={t("noTodos")}
            columns={[t("todo"), t("card"), t("trashedBy"), t("trashedAt")]}
            actionsLabel={t("actions")}
            rows={todos.items.map((todo) => ({
              key: todo.id,
              cells: [
                <span key="text" className="font-medium text-slate-900">{todo.text}</span>,
                <span key="card">
                  <Link href={`/cards/${todo.cardId}`} className="text-brand-700 hover:underline">
                    {todo.cardName}
                  </Link>
                  <span className="block text-xs text-slate-500">{todo.moduleName}</span>
                </span>,
                ...trashed(todo),
              ],
              action: <RestoreButton kind="todo" id={todo.id} name={todo.text} />,
            }))}
            pager={pager("todos", todos.nextCursor)}
          />
          <TrashSection
            id="trash-contacts"
            title={t("contacts")}
            empty={t("noContacts")}
            columns={[t("name"), t("kind"), t("trashedBy"), t("trashedAt")]}
            actionsLabel={t("actions")}
            rows={contacts.items.map((c) => ({
              key: c.id,
              cells: [
                <Link key="name" href={`/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>,
                <span key="kind" className="text-slate-700">{t(`kinds.${c.kind}`)}</span>,
                ...trashed(c),
              ],
              action: <RestoreButton kind="contact" id={c.id} name={c.name} />,
            }))}
            pager={pager("contacts", contacts.nextCursor)}
          />
          <TrashSection
            id="trash-documents"
            title={tDocs("documents")}
            empty={tDocs("noDocuments")}
            columns={[t("name"), t("module"), t("trashedBy"), t("trashedAt")]}
            actionsLabel={t("actions")}
            rows={trashedDocuments.items.map((d) => ({
              key: d.id,
              cells: [
                <span key="name">
                  <span className="font-medium break-all text-slate-900">{d.name}</span>
                  <span className="block text-xs text-slate-500">
                    {d.folderName ?? tDocs("topLevel")}
                    {d.cardId && d.cardName && (
                      <>
                        {" · "}
                        <Link href={`/cards/${d.cardId}`} className="text-brand-700 hover:underline">
                          {d.cardName}
                        </Link>
                      </>
                    )}
                  </span>
                </span>,
                <span key="module" className="text-slate-700">{d.moduleName}</span>,
                ...trashed(d),
              ],
              action: <RestoreButton kind="document" id={d.id} name={d.name} />,
            }))}
            pager={pager("documents", trashedDocuments.nextCursor)}
          />
          {foldersToo && (
            <TrashSection
              id="trash-folders"
              title={tDocs("folders")}
              empty={tDocs("noFolders")}
              columns={[t("name"), t("module"), t("trashedBy"), t("trashedAt")]}
              actionsLabel={t("actions")}
              rows={trashedFolders.items.map((f) => ({
                key: f.id,
                cells: [
                  <span key="name">
                    <span className="font-medium text-slate-900">{f.name}</span>
                    {f.parentName && <span className="block text-xs text-slate-500">{tDocs("inFolder", { name: f.parentName })}</span>}
                  </span>,
                  <span key="module" className="text-slate-700">{f.moduleName}</span>,
                  ...trashed(f),
                ],
                action: <RestoreButton kind="folder" id={f.id} name={f.name} />,
              }))}
              pager={pager("folders", trashedFolders.nextCursor)}
            />
          )}
          {viewsSection}
          {templatesSection}
        </div>
      )}
    </>
  );
}
