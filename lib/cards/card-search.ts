import { and, sql, type SQL } from "drizzle-orm";
import { cards } from "@/db/schema";

/** For LIKE: the user's text matched literally (backslash is LIKE's default escape). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const phoneLike = /^\+?[\d\s()/.-]+$/;

/**
 * Quick search over a card's name and its linked contacts' names, emails and phones
 * (cards.search_text, lower-cased, trigram-indexed). Every word must occur, so "Anna Kovács" finds
 * "Kovács Anna"; a query that looks like a phone number is matched as a whole.
 */
export function cardSearchCondition(q: string | null | undefined): SQL | undefined {
  const text = (q ?? "").trim().toLowerCase().slice(0, 200);
  if (!text) return undefined;
  const terms = phoneLike.test(text) ? [text] : text.split(/\s+/).filter(Boolean).slice(0, 6);
  return and(...terms.map((term) => sql`${cards.searchText} ilike ${`%${likeEscape(term)}%`}`));
}
