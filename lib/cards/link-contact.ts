import { and, eq, sql } from "drizzle-orm";
import { cardContacts, cards, contacts } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { insertContact } from "@/lib/contacts/insert-contact";
import { getVisibleContactOrThrow } from "@/lib/contacts/scope";
import { forbidden } from "@/lib/errors";
import { recordHistory } from "@/lib/history/record-history";
import { cardContactSchema, newCardContactSchema } from "./card-input";
import { refreshCardSearchText } from "./refresh-search-text";
import { getVisibleCardOrThrow } from "./scope";

type Tx = Ctx["db"];

async function link(tx: Tx, ctx: Ctx, cardId: string, contact: { id: string; name: string }) {
  const inserted = await tx
    .insert(cardContacts)
    .values({ cardId, contactId: contact.id, position: sql`(select count(*) from card_contacts where card_id = ${cardId}::uuid)` })
    .onConflictDoNothing()
    .returning({ contactId: cardContacts.contactId });
  if (inserted.length === 0) return; // already linked: nothing happened, nothing to record
  await tx.update(cards).set({ lastActivityAt: ctx.now }).where(eq(cards.id, cardId));
  await refreshCardSearchText(tx, cardId);
  await recordHistory(tx, ctx.actor.id, ctx.now, [{ cardId, kind: "contact_linked", data: { contactId: contact.id, name: contact.name } }]);
}

/** Links an existing, live contact the actor may see to a card they may see. */
export async function linkContact(ctx: Ctx, raw: { cardId: string; contactId: string }) {
  if (!can(ctx.actor, "cards.update")) throw forbidden();
  const input = cardContactSchema.parse(raw);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, input.cardId);
  // A contact the actor may not see is "not found": linking it to their own card would reveal it.
  const contact = await getVisibleContactOrThrow(ctx.db, ctx.actor, input.contactId);
  await ctx.db.transaction((tx) => link(tx, ctx, card.id, contact));
  return { cardId: card.id, moduleId: card.moduleId };
}

/** Creates a contact and links it to the card, in one transaction. */
export async function linkNewContact(ctx: Ctx, raw: { cardId: string; contact: unknown }) {
  if (!can(ctx.actor, "cards.update")) throw forbidden();
  const input = newCardContactSchema.parse(raw);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, input.cardId);
  await ctx.db.transaction(async (tx) => {
    const contact = await insertContact(tx, input.contact, ctx.actor, ctx.now);
    await link(tx, ctx, card.id, contact);
  });
  return { cardId: card.id, moduleId: card.moduleId };
}

export async function unlinkContact(ctx: Ctx, raw: { cardId: string; contactId: string }) {
  if (!can(ctx.actor, "cards.update")) throw forbidden();
  const input = cardContactSchema.parse(raw);
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, input.cardId);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(cardContacts)
      .where(and(eq(cardContacts.cardId, card.id), eq(cardContacts.contactId, input.contactId)))
      .returning({ contactId: cardContacts.contactId });
    if (removed.length === 0) return;
    const [contact] = await tx.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, input.contactId));
    await tx.update(cards).set({ lastActivityAt: ctx.now }).where(eq(cards.id, card.id));
    await refreshCardSearchText(tx, card.id);
    await recordHistory(tx, ctx.actor.id, ctx.now, [
      { cardId: card.id, kind: "contact_unlinked", data: { contactId: input.contactId, name: contact?.name ?? "" } },
    ]);
  });
  return { cardId: card.id, moduleId: card.moduleId };
}
