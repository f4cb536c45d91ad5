import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { cardContacts, cards, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { notFound } from "@/lib/errors";

/** The contacts table, or an alias of it (a person's company, a company's people). */
type ContactTable = { id: AnyPgColumn };

/**
 * The one rule for which contacts a user may see and edit (SPEC §1, §4). Roles that see every card
 * see every contact. Restricted and Group restricted users — who must not walk off with the customer
 * base — see a contact only when it is linked to a live card they can see, or to no card at all
 * (a link to a trashed card still hides it: the trash is restorable). Every contact query — list,
 * page, pickers, search, duplicate warnings, edits, links to cards — adds this condition; live
 * audiences follow it in lib/realtime/rooms.ts (roomsForContact).
 * `contact` is the contacts table or an alias of it (default: the table itself).
 * Both subqueries are lookups on card_contacts_contact_idx, one per candidate contact.
 * Returns undefined when the actor sees every contact.
 */
export function visibleContactsCondition(actor: Pick<Actor, "id" | "role" | "groupIds">, contact: ContactTable = contacts): SQL | undefined {
  if (actor.role !== "restricted" && actor.role !== "group_restricted") return undefined;
  const cardVisible = visibleCardsCondition(actor);
  return sql`(exists (select 1 from ${cardContacts} join ${cards} on ${cards.id} = ${cardContacts.cardId}
      where ${and(eq(cardContacts.contactId, contact.id), isNull(cards.deletedAt), cardVisible)})
    or not exists (select 1 from ${cardContacts} where ${eq(cardContacts.contactId, contact.id)}))`;
}

/**
 * A contact the actor may see (a trashed one too, with `includeTrashed`), or NotFound — the same
 * answer as for an id that does not exist, so a hidden contact is never confirmed. With `forUpdate`
 * the row is locked for the caller's transaction.
 */
export async function getVisibleContactOrThrow(
  db: Db,
  actor: Pick<Actor, "id" | "role" | "groupIds">,
  contactId: string,
  { includeTrashed = false, forUpdate = false }: { includeTrashed?: boolean; forUpdate?: boolean } = {},
) {
  const query = db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), includeTrashed ? undefined : isNull(contacts.deletedAt), visibleContactsCondition(actor)));
  const [contact] = forUpdate ? await query.for("update") : await query;
  if (!contact) throw notFound("contact_not_found");
  return contact;
}

/** Whether the actor may see this contact (trashed or not). */
export async function canSeeContact(db: Db, actor: Pick<Actor, "id" | "role" | "groupIds">, contactId: string): Promise<boolean> {
  const condition = visibleContactsCondition(actor);
  if (!condition) return true;
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, contactId), condition));
  return Boolean(row);
}
