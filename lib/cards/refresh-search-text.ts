import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

// Card name + every linked contact's name, emails and phones, lower-cased: what quick search matches.
const searchTextOf = (cardIdSql: ReturnType<typeof sql>) => sql`
  lower(c.name || coalesce((
    select ' ' || string_agg(k.name || ' ' || array_to_string(k.emails, ' ') || ' ' || array_to_string(k.phones, ' '), ' ')
    from card_contacts cc join contacts k on k.id = cc.contact_id
    where cc.card_id = ${cardIdSql} and k.deleted_at is null), ''))`;

export async function refreshCardSearchText(tx: Db, cardId: string): Promise<void> {
  await tx.execute(sql`update cards c set search_text = ${searchTextOf(sql`c.id`)} where c.id = ${cardId}::uuid`);
}

/** After a contact changed: every card it is linked to. */
export async function refreshSearchTextForContact(tx: Db, contactId: string): Promise<void> {
  await tx.execute(sql`
    update cards c set search_text = ${searchTextOf(sql`c.id`)}
    where c.id in (select card_id from card_contacts where contact_id = ${contactId}::uuid)`);
}
