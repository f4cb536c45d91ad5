import type { Actor } from "@/lib/auth/permissions";

/**
 * Socket rooms mirror lib/cards/scope.ts and lib/contacts/scope.ts: an event about a card goes exactly to the rooms whose
 * members may see that card. Keep the two in step (lib/realtime/rooms.test.ts checks it).
 */
export const rooms = {
  /** Admins, managers and normal users: every card. */
  allCards: "cards:all",
  /** Restricted and group-restricted users: unowned cards. */
  unownedCards: "cards:unowned",
  user: (userId: string) => `user:${userId}`,
  /** Group-restricted members of a group: cards owned by that group's members. */
  groupRestricted: (groupId: string) => `group-restricted:${groupId}`,
  /** Group managers of a group: cards owned by that group's members. */
  groupManager: (groupId: string) => `group-manager:${groupId}`,
  /** Roles that see every contact (all but the two restricted ones): every contact event. */
  allContacts: "contacts:all",
  /** Restricted and group-restricted users: events about contacts linked to no card at all. */
  unlinkedContacts: "contacts:unlinked",
  /** Everyone looking at one card's page (presence); joined only after a visibility check. */
  card: (cardId: string) => `card:${cardId}`,
};

/** The rooms a user's sockets join on connect. */
export function roomsForActor(actor: Pick<Actor, "id" | "role" | "groupIds">): string[] {
  const own = [rooms.user(actor.id)];
  switch (actor.role) {
    case "admin":
    case "manager":
    case "normal":
      return [...own, rooms.allCards, rooms.allContacts];
    case "restricted":
      return [...own, rooms.unownedCards, rooms.unlinkedContacts];
    case "group_restricted":
      return [...own, rooms.unownedCards, rooms.unlinkedContacts, ...actor.groupIds.map(rooms.groupRestricted)];
    case "group_manager":
      return [...own, rooms.allContacts, ...actor.groupIds.map(rooms.groupManager)];
  }
}

/**
 * The rooms that may hear about a card with this owner (whose groups are given). For an owner
 * change, call it for the old and the new owner: both audiences need to know the card moved.
 */
export function roomsForCard(owner: { id: string; groupIds: string[] } | null): string[] {
  if (!owner) return [rooms.allCards, rooms.unownedCards];
  return [
    rooms.allCards,
    rooms.user(owner.id),
    ...owner.groupIds.map(rooms.groupRestricted),
    ...owner.groupIds.map(rooms.groupManager),
  ];
}

/**
 * The rooms that may hear about a contact, as lib/contacts/scope.ts decides: every role that sees all
 * contacts; when it is linked to no card, every restricted user; else the audiences of its live cards
 * (a Restricted user sees the contact exactly when they see one of those cards). `cardOwners` are the
 * owners (with groups) of its live cards; `linked` says whether it has any card link, live or trashed.
 */
export function roomsForContact({ linked, cardOwners }: { linked: boolean; cardOwners: ({ id: string; groupIds: string[] } | null)[] }): string[] {
  const audience = new Set([rooms.allContacts, ...cardOwners.flatMap(roomsForCard)]);
  if (!linked) audience.add(rooms.unlinkedContacts);
  return [...audience];
}
