import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, groupMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/** Cards owned by a member of one of these groups. */
function ownedWithinGroups(groupIds: string[]): SQL {
  if (groupIds.length === 0) return sql`false`;
  return sql`${cards.ownerId} in (select ${groupMembers.userId} from ${groupMembers} where ${inArray(groupMembers.groupId, groupIds)})`;
}

/**
 * The one rule for which cards a user may see (SPEC §1). Every card query — lists, counts, board,
 * search, My todos, contact pages, a card's URL, every action and socket audience — adds this condition.
 * Returns undefined when the role sees every card.
 */
export function visibleCardsCondition(actor: Pick<Actor, "id" | "role" | "groupIds">): SQL | undefined {
  switch (actor.role) {
    case "admin":
    case "manager":
    case "normal":
      return undefined;
    case "restricted":
      return or(eq(cards.ownerId, actor.id), isNull(cards.ownerId));
    case "group_restricted":
      return or(isNull(cards.ownerId), eq(cards.ownerId, actor.id), ownedWithinGroups(actor.groupIds));
    case "group_manager":
      return or(eq(cards.ownerId, actor.id), ownedWithinGroups(actor.groupIds));
  }
}

/** A live (not trashed) card the actor may see, or NotFound — never revealing that an invisible card exists. */
export async function getVisibleCardOrThrow(db: Db, actor: Actor, cardId: string) {
  const [card] = await db
    .select()
    .from(cards)
    .where(and(eq(cards.id, cardId), isNull(cards.deletedAt), visibleCardsCondition(actor)));
  if (!card) throw notFound("card_not_found");
  return card;
}
