/**
 * A "card_created" entry's data: the card as created and the contacts it was created with, in one
 * entry (not one "contact_linked" entry each: an import of 100,000 cards writes 100,000 entries, not
 * 300,000). Linking a contact later is its own "contact_linked" entry.
 */
export function cardCreatedData(card: { name: string; statusId: string; ownerId: string | null; contacts: { id: string; name: string }[] }) {
  return {
    version: 1,
    name: card.name,
    statusId: card.statusId,
    ownerId: card.ownerId,
    ...(card.contacts.length ? { contacts: card.contacts.map((c) => ({ contactId: c.id, name: c.name })) } : {}),
  };
}
