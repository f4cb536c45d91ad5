import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import type { ViewGroup } from "./definition";
import { compileViewFilter, type ViewContext } from "./compile-view";

export type CardsInViewInput = {
  moduleId: string;
  filter: ViewGroup;
  ctx: ViewContext;
  /** When given, only cards this user may see count as in the view. */
  actor?: Pick<Actor, "id" | "role" | "groupIds">;
};

/**
 * Which of these cards (live, of the module) the view holds: the question automations ask on every
 * card change. One query by primary key, the same compiled condition as the list, so the answer
 * never differs from the list's and never costs a scan of the module. Ids come back in input order.
 */
export async function cardsInView(db: Db, input: CardsInViewInput, cardIds: string[]): Promise<string[]> {
  const ids = [...new Set(cardIds)];
  if (ids.length === 0) return [];
  // The cards by primary key first, behind a fence (a subquery with a limit is never flattened), then the
  // view's condition (which names `cards`) on just them: left to itself the planner may AND a field index's
  // bitmap of thousands of rows with the ten primary keys.
  const picked = db
    .select()
    .from(cards)
    .where(and(inArray(cards.id, ids), eq(cards.moduleId, input.moduleId), isNull(cards.deletedAt)))
    .limit(ids.length)
    .as("cards");
  const rows = await db
    .select({ id: picked.id })
    .from(picked)
    .where(and(input.actor ? visibleCardsCondition(input.actor) : undefined, compileViewFilter(input.filter, input.ctx)));
  const matched = new Set(rows.map((r) => r.id));
  return ids.filter((id) => matched.has(id));
}
