import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardAssignees, cardCountDeltas, cards, statuses } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { cardListFilters, type ListView } from "./list-cards";
import { visibleCardsCondition } from "./scope";

/** Per status the count; a status in `capped` has at least that many (a search matching thousands stops counting). */
export type StatusCounts = { byStatus: Record<string, number>; total: number; capped: string[] };

/** How far a search counts per status: enough to be useful, bounded so a word in every card stays fast. */
export const searchCountCap = 1000;

/**
 * How many cards the list would show per status, with the same scope, user filter and search as
 * listCards — the numbers in the status sidebar and the board's column headers.
 *
 * The plan matters at 100k cards in a module. For roles that see every card and no search, the
 * numbers are kept up to date by the database (card_count_deltas), so a page view counts nothing.
 * With a user filter, card_assignees alone answers (it only holds live cards). A scope needs
 * the card rows, so it counts with the list's own conditions. A search counts each status only up to
 * `searchCountCap`: a term found in most cards ("kft") would otherwise recheck every row of the module.
 * A view's filter is a condition on the card rows too, so with a view it counts like a scope does.
 */
export async function statusCounts(
  db: Db,
  actor: Actor,
  input: { moduleId: string; userId?: string | null; q?: string | null; searchCap?: number; view?: Pick<ListView, "filter"> | null },
): Promise<StatusCounts> {
  if (!can(actor, "cards.view")) throw forbidden();
  const count = sql<number>`count(*)::int`;
  // Only without a scope and without a view do the counters kept per status (or card_assignees) answer alone.
  const unfiltered = visibleCardsCondition(actor) === undefined && !input.view;
  const searching = Boolean(input.q?.trim());
  const cap = input.searchCap ?? searchCountCap;

  let rows: { statusId: string; count: number }[];
  let countedUpToCap = false;
  if (searching) {
    // One pass over at most 5 × cap matches: exact counts for any ordinary search (the trigram index
    // finds the few matches). Only a term in more cards than that is counted again, per status, each
    // status stopping at the cap (an index range that ends early when most cards match).
    const matching = (limit: number, statusId?: SQL) =>
      input.userId
        ? db
            .select({ statusId: cardAssignees.statusId })
            .from(cardAssignees)
            .innerJoin(cards, eq(cards.id, cardAssignees.cardId))
            .where(
              and(eq(cardAssignees.moduleId, input.moduleId), eq(cardAssignees.assigneeId, input.userId), statusId, ...cardListFilters(actor, input)),
            )
            .limit(limit)
        : db
            .select({ statusId: cards.statusId })
            .from(cards)
            .where(and(statusId, ...cardListFilters(actor, input)))
            .limit(limit);
    const probe = matching(5 * cap + 1).as("probe");
    rows = await db.select({ statusId: probe.statusId, count }).from(probe).groupBy(probe.statusId);
    if (rows.reduce((sum, r) => sum + Number(r.count), 0) > 5 * cap) {
      countedUpToCap = true;
      const perStatus = matching(cap + 1, sql`${input.userId ? cardAssignees.statusId : cards.statusId} = statuses.id`);
      rows = await db
        .select({ statusId: statuses.id, count: sql<number>`(select count(*)::int from (${perStatus}) m)` })
        .from(statuses)
        .where(eq(statuses.moduleId, input.moduleId));
    }
  } else if (unfiltered && !input.userId) {
    rows = await liveCardCounts(db, input.moduleId);
  } else if (unfiltered && input.userId) {
    rows = await db
      .select({ statusId: cardAssignees.statusId, count })
      .from(cardAssignees)
      .where(and(eq(cardAssignees.moduleId, input.moduleId), eq(cardAssignees.assigneeId, input.userId)))
      .groupBy(cardAssignees.statusId);
  } else if (input.userId) {
    rows = await db
      .select({ statusId: cardAssignees.statusId, count })
      .from(cardAssignees)
      .innerJoin(cards, eq(cards.id, cardAssignees.cardId))
      .where(and(eq(cardAssignees.moduleId, input.moduleId), eq(cardAssignees.assigneeId, input.userId), ...cardListFilters(actor, input)))
      .groupBy(cardAssignees.statusId);
  } else {
    rows = await db
      .select({ statusId: cards.statusId, count })
      .from(cards)
      .where(and(...cardListFilters(actor, input)))
      .groupBy(cards.statusId);
  }

  const byStatus: Record<string, number> = {};
  const capped: string[] = [];
  let total = 0;
  for (const row of rows) {
    let n = Number(row.count);
    if (n === 0) continue;
    if (countedUpToCap && n > cap) {
      n = cap;
      capped.push(row.statusId);
    }
    byStatus[row.statusId] = n;
    total += n;
  }
  return { byStatus, total, capped };
}

/** Once a module's deltas are this many rows, a reader folds them into one row per status. */
const foldAfterRows = 200;

/** Live (not trashed) cards per status of a module, as the triggers on `cards` keep them. */
async function liveCardCounts(db: Db, moduleId: string): Promise<{ statusId: string; count: number }[]> {
  const rows = await db
    .select({ statusId: cardCountDeltas.statusId, count: sql<number>`sum(${cardCountDeltas.delta})::int`, rows: sql<number>`count(*)::int` })
    .from(cardCountDeltas)
    .where(eq(cardCountDeltas.moduleId, moduleId))
    .groupBy(cardCountDeltas.statusId);
  if (rows.reduce((sum, r) => sum + Number(r.rows), 0) > foldAfterRows) await foldCountDeltas(db, moduleId);
  return rows;
}

/**
 * Replaces a module's deltas by their sums, in one statement. Rows another reader is folding at the
 * same moment are skipped, not waited for: no deadlock, and no row is counted twice.
 */
export async function foldCountDeltas(db: Db, moduleId: string): Promise<void> {
  await db.execute(sql`
    with folded as (
      delete from card_count_deltas
      where ctid = any(array(select ctid from card_count_deltas where module_id = ${moduleId}::uuid for update skip locked))
      returning status_id, delta)
    insert into card_count_deltas (module_id, status_id, delta)
    select ${moduleId}::uuid, status_id, sum(delta) from folded group by status_id having sum(delta) <> 0`);
}
