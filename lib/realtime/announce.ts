import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards } from "@/db/schema";
import { rearmDeadlineClock } from "./deadline-clock";
import { publishCardChanges, publishContactChanges, type ChangeEvent, type ChangeKind } from "./publish";

/**
 * For server actions, after a verb committed: tells every allowed browser that a card (or one of its
 * todos) changed. The audience follows the card's current owner plus any earlier owner passed in.
 * Todo changes also wake the deadline clock, which may now have an earlier deadline to watch.
 */
export async function announceCardChange(
  db: Db,
  kind: ChangeKind,
  ids: { cardId: string; moduleId: string; todoId?: string },
  earlierOwnerIds: (string | null)[] = [],
): Promise<void> {
  if (kind.startsWith("todo.")) rearmDeadlineClock();
  const [card] = await db.select({ ownerId: cards.ownerId }).from(cards).where(eq(cards.id, ids.cardId));
  const event: ChangeEvent = { kind, cardId: ids.cardId, moduleId: ids.moduleId, ...(ids.todoId ? { todoId: ids.todoId } : {}) };
  await publishCardChanges(db, [{ event, ownerIds: [card?.ownerId ?? null, ...earlierOwnerIds] }]);
}

/** For server actions, after a contact verb committed: tells exactly the browsers that may see the contact (lib/contacts/scope.ts). */
export function announceContactChange(db: Db, contactId: string): Promise<void> {
  return publishContactChanges(db, [contactId]);
}
