import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, todos, users, type ContactKind, type FieldValue, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { deadlineState, type DeadlineState } from "@/lib/time/org-time";
import { historyPageOf, type CardHistoryPage } from "./list-card-history";
import { visibleContactsCondition } from "@/lib/contacts/scope";
import { displayName, listCardUsers, type CardUser } from "./list-card-users";
import { loadModuleForCards } from "./load-module";
import { visibleCardsCondition } from "./scope";

type ModuleForCards = Awaited<ReturnType<typeof loadModuleForCards>>;

export type CardPageCard = {
  id: string;
  moduleId: string;
  statusId: string;
  ownerId: string | null;
  name: string;
  values: Record<string, FieldValue>;
  /** Sent back with every edit: a stale one is refused with `card_stale`. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
};

export type CardPageContact = {
  id: string;
  kind: ContactKind;
  name: string;
  emails: string[];
  phones: string[];
  /** A person's company (unless it is in the trash). */
  company: { id: string; name: string } | null;
};

export type CardPageTodo = {
  id: string;
  text: string;
  type: TodoType;
  assigneeId: string;
  assigneeName: string;
  deadline: Date;
  /** Overdue (red), later today (bold) or a later day (plain), at `now` in the organisation's zone. */
  state: DeadlineState;
  createdAt: Date;
};

export type CardPage = {
  card: CardPageCard;
  module: ModuleForCards["module"];
  /** In pipeline order, archived ones included (a card may sit in one; history names them). */
  statuses: ModuleForCards["statuses"];
  /** In form order, archived ones included (their values and history stay readable). */
  fields: ModuleForCards["fields"];
  owner: { id: string; name: string } | null;
  contacts: CardPageContact[];
  /** Open todos, earliest deadline first. */
  todos: CardPageTodo[];
  /** Newest first: the latest page, and where the older ones start. */
  history: CardHistoryPage;
  /** Every user, active first: pickers offer the active ones, history names the rest. */
  users: CardUser[];
  activeUsers: CardUser[];
};

const uuid = z.uuid();

/**
 * Everything the card page shows, for a live card the actor may see (else NotFound, never telling
 * whether an invisible card exists). A constant number of queries — the card with its owner, the
 * module (3), contacts, open todos, a page of history, users — none per row.
 */
export async function getCardPageOrThrow(
  db: Db,
  actor: Actor,
  cardId: string,
  { now, timeZone }: { now: Date; timeZone: string },
): Promise<CardPage> {
  if (!can(actor, "cards.view")) throw forbidden();
  if (!uuid.safeParse(cardId).success) throw notFound("card_not_found");

  const [row] = await db
    .select({ card: cards, ownerFirstName: users.firstName, ownerLastName: users.lastName, ownerEmail: users.email })
    .from(cards)
    .leftJoin(users, eq(users.id, cards.ownerId))
    .where(and(eq(cards.id, cardId), isNull(cards.deletedAt), visibleCardsCondition(actor)));
  if (!row) throw notFound("card_not_found");
  const { card } = row;

  const company = alias(contacts, "company");
  const assignee = alias(users, "assignee");
  const [config, contactRows, todoRows, history, allUsers] = await Promise.all([
    loadModuleForCards(db, card.moduleId),
    db
      .select({
        id: contacts.id,
        kind: contacts.kind,
        name: contacts.name,
        emails: contacts.emails,
        phones: contacts.phones,
        companyId: company.id,
        companyName: company.name,
      })
      .from(cardContacts)
      .innerJoin(contacts, eq(contacts.id, cardContacts.contactId))
      // The card's contacts are visible with the card; a person's company only by the contact rule.
      .leftJoin(company, and(eq(company.id, contacts.companyId), isNull(company.deletedAt), visibleContactsCondition(actor, company)))
      .where(and(eq(cardContacts.cardId, card.id), isNull(contacts.deletedAt)))
      // Companies first, then people, each in the order they were linked.
      .orderBy(sql`${contacts.kind} = 'person'`, asc(cardContacts.position), asc(contacts.name)),
    db
      .select({
        id: todos.id,
        text: todos.text,
        type: todos.type,
        assigneeId: todos.assigneeId,
        assigneeFirstName: assignee.firstName,
        assigneeLastName: assignee.lastName,
        assigneeEmail: assignee.email,
        deadline: todos.deadline,
        createdAt: todos.createdAt,
      })
      .from(todos)
      .innerJoin(assignee, eq(assignee.id, todos.assigneeId))
      .where(and(eq(todos.cardId, card.id), isNull(todos.completedAt), isNull(todos.deletedAt)))
      .orderBy(asc(todos.deadline), asc(todos.id)),
    historyPageOf(db, card.id, null),
    listCardUsers(db, actor.locale, { cardId: card.id }),
  ]);

  return {
    card: {
      id: card.id,
      moduleId: card.moduleId,
      statusId: card.statusId,
      ownerId: card.ownerId,
      name: card.name,
      values: card.values,
      version: card.version,
      createdAt: card.createdAt,
      updatedAt: card.updatedAt,
      lastActivityAt: card.lastActivityAt,
    },
    module: config.module,
    statuses: config.statuses,
    fields: config.fields,
    owner: card.ownerId
      ? { id: card.ownerId, name: displayName({ firstName: row.ownerFirstName, lastName: row.ownerLastName, email: row.ownerEmail }) }
      : null,
    contacts: contactRows.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      emails: c.emails,
      phones: c.phones,
      company: c.companyId && c.companyName !== null ? { id: c.companyId, name: c.companyName } : null,
    })),
    todos: todoRows.map((t) => ({
      id: t.id,
      text: t.text,
      type: t.type,
      assigneeId: t.assigneeId,
      assigneeName: displayName({ firstName: t.assigneeFirstName, lastName: t.assigneeLastName, email: t.assigneeEmail }),
      deadline: t.deadline,
      state: deadlineState(t.deadline, now, timeZone),
      createdAt: t.createdAt,
    })),
    history,
    users: allUsers,
    activeUsers: allUsers.filter((u) => u.active),
  };
}
