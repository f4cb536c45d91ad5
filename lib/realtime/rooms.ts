import type { Actor } from "@/lib/auth/permissions";

/**
 * Socket rooms mirror lib/cards/scope.ts: an event about a card goes exactly to the rooms whose
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
      return [...own, rooms.allCards];
    case "restricted":
      return [...own, rooms.unownedCards];
    case "group_restricted":
      return [...own, rooms.unownedCards, ...actor.groupIds.map(rooms.groupRestricted)];
    case "group_manager":
      return [...own, ...actor.groupIds.map(rooms.groupManager)];
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
