import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CardContacts } from "@/components/card-page/card-contacts";
import { CardDocuments } from "@/components/card-page/card-documents";
import { CardProvider } from "@/components/card-page/card-context";
import { CardFieldsForm } from "@/components/card-page/card-fields-form";
import { CardName } from "@/components/card-page/card-name";
import { CardStatusOwner } from "@/components/card-page/card-status-owner";
import { ConflictBanner } from "@/components/card-page/conflict-banner";
import { HistoryBlock } from "@/components/card-page/history-block";
import { TodosBlock } from "@/components/card-page/todos-block";
import { TrashCardButton } from "@/components/card-page/trash-card-button";
import { CardPresence } from "@/components/live/card-presence";
import { LiveRefresh } from "@/components/live/live-provider";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getCardPageOrThrow } from "@/lib/cards/get-card-page";
import { listTodoTemplates } from "@/lib/templates/todo-templates";
import { systemClock } from "@/lib/clock";
import { cardEmailStates } from "@/lib/email/get-email-or-throw";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";

/** The page's data, loaded once per request (the metadata needs the name too). */
const loadCardPage = cache(async (cardId: string) => {
  const actor = await requirePermission("cards.view");
  const db = await getDb();
  const timeZone = (await getOrganisation(db))?.timeZone ?? "Europe/Budapest";
  const now = systemClock.now();
  try {
    return { actor, timeZone, now, page: await getCardPageOrThrow(db, actor, cardId, { now, timeZone }) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ cardId: string }> }) {
  const { page } = await loadCardPage((await params).cardId);
  return { title: page.card.name };
}

export default async function CardPageRoute({ params }: { params: Promise<{ cardId: string }> }) {
  const { cardId } = await params;
  const { actor, timeZone, now, page } = await loadCardPage(cardId);
  const { card } = page;
  const db = await getDb();
  const [t, format, emailStates, todoTemplates] = await Promise.all([
    getTranslations("card"),
    getFormatter(),
    cardEmailStates(db, card.id),
    listTodoTemplates({ actor, db, now }, card.moduleId),
  ]);
  const status = page.statuses.find((s) => s.id === card.statusId);
  // A Restricted user may only keep a card or hand it to nobody: giving it away would hide it from them.
  const ownerChoices = page.users.filter(
    (u) => u.id === card.ownerId || (u.active && (actor.role !== "restricted" || u.id === actor.id)),
  );

  return (
    <CardProvider cardId={card.id} moduleId={card.moduleId} version={card.version} meId={actor.id} timeZone={timeZone} users={page.users}>
      <LiveRefresh cardId={card.id} />
      <nav aria-label={t("page.breadcrumb")} className="mb-2 text-sm text-slate-500">
        <Link href={`/modules/${page.module.id}`} className="relative hover:text-brand-700 hover:underline">
          {page.module.name}
          <LinkPendingHint className="inset-x-0 -bottom-0.5" />
        </Link>
        <span aria-hidden className="mx-1.5">
          ›
        </span>
        <span>{t("page.card")}</span>
      </nav>
      <header className="mb-5 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <CardName name={card.name} />
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            {status && (
              <span className="inline-flex items-center gap-1.5">
                <span className="size-2.5 rounded-full" style={{ backgroundColor: status.color }} aria-hidden />
                {status.name}
              </span>
            )}
            <span>{page.owner ? t("page.ownedBy", { name: page.owner.name }) : t("page.noOwner")}</span>
            <span>{t("page.created", { date: format.dateTime(card.createdAt, { dateStyle: "medium", timeZone }) })}</span>
          </p>
        </div>
        <div className="flex items-center gap-3">
          <CardPresence cardId={card.id} meId={actor.id} />
          {can(actor, "cards.trash") && <TrashCardButton cardId={card.id} cardName={card.name} />}
        </div>
      </header>
      <ConflictBanner />
      {/*
        Todos, then status/owner, contacts and fields, then the history: the order a phone shows them in
        (and a screen reader reads them in). From lg the details stand beside the todos and the history,
        which runs on below the todos (its row takes what the details leave: `auto 1fr`).
      */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <TodosBlock todos={page.todos} renderedAt={now} todoTemplates={todoTemplates} cardOwnerId={card.ownerId} />
        </div>
        <aside aria-label={t("page.sidebar")} className="min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <Card className="p-4">
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("details.heading")}</h2>
            <CardStatusOwner statusId={card.statusId} ownerId={card.ownerId} statuses={page.statuses} ownerChoices={ownerChoices} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("contacts.heading")}</h2>
            <CardContacts contacts={page.contacts} cardName={card.name} canEmail={can(actor, "email.send")} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-3 text-base font-semibold text-slate-900">{t("fields.heading")}</h2>
            <CardFieldsForm fields={page.fields} values={card.values} />
          </Card>
          <CardDocuments actor={actor} db={db} now={now} card={card} />
        </aside>
        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          <HistoryBlock page={page.history} statuses={page.statuses} fields={page.fields} emailStates={emailStates} />
        </div>
      </div>
    </CardProvider>
  );
}
