import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards } from "@/db/schema";
import { containsPattern, normaliseQuery, phoneLike, queryWords } from "@/lib/search/search-terms";

/**
 * Quick search over a card's name and its linked contacts' names, emails and phones
 * (cards.search_text, lower-cased, trigram-indexed). Every word must occur, so "Anna Kovács" finds
 * "Kovács Anna"; a query that looks like a phone number is matched as a whole.
 */
export function cardSearchCondition(q: string | null | undefined): SQL | undefined {
  const text = normaliseQuery(q);
  if (!text) return undefined;
  const terms = phoneLike.test(text) ? [text] : queryWords(text);
  return and(...terms.map((term) => sql`${cards.searchText} ilike ${containsPattern(term)}`));
}

/** How many matches of a search the module list fetches before ordering them (see cardSearchMatches). */
export const searchProbeLimit = 500;

/**
 * The ids of up to `bound + 1` cards matching `where` (which includes a cardSearchCondition), in no
 * order: the matches of a search come first, and only they are ordered. The trigram index finds a
 * rare word's few cards at once, while walking a sort index and rechecking each card's text scans
 * everything for them — and the planner cannot tell the two cases apart. More than `bound` rows mean
 * a common word, whose matches turn up within the first rows of any walk. The module list and the
 * global search both start here.
 */
export function cardSearchMatches(db: Db, where: (SQL | undefined)[], bound = searchProbeLimit) {
  return db
    .select({ id: cards.id })
    .from(cards)
    .where(and(...where))
    .limit(bound + 1);
}
