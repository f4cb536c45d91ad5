import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { cardContacts, cards, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";

/**
 * The one rule for which contacts a user may see and edit (SPEC §1, §4). Roles that see every card
 * see every contact. Restricted and Group restricted users — who must not walk off with the customer
 * base — see a contact only when it is linked to a live card they can see, or to no card at all
 * (a link to a trashed card still hides it: the trash is restorable). Every contact query — list,
 * page, pickers, search, duplicate warnings, edits, live audiences — adds this condition.
 * Returns undefined when the actor sees every contact.
 */
export function visibleContactsCondition(actor: Pick<Actor, "id" | "role" | "groupIds">): SQL | undefined {
  if (actor.role !== "restricted" && actor.role !== "group_restricted") return undefined;
  const cardVisible = visibleCardsCondition(actor);
  return sql`(exists (select 1 from ${cardContacts} join ${cards} on ${cards.id} = ${cardContacts.cardId}
      where ${and(eq(cardContacts.contactId, contacts.id), isNull(cards.deletedAt), cardVisible)})
    or not exists (select 1 from ${cardContacts} where ${eq(cardContacts.contactId, contacts.id)}))`;
}
