import { z } from "zod";
import { cardSorts, type CardSort } from "@/lib/cards/card-list-cursor";

/** The card list's and board's state, all in the URL: shareable, and the back button works. */
export type CardListParams = { user: string | null; status: string | null; sort: CardSort; q: string; after: string | null };

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const uuidOrNull = (v: string) => (z.uuid().safeParse(v).success ? v : null);

/** Unknown or malformed values fall back to the defaults (Everyone, all statuses, by next todo). */
export function parseCardListParams(sp: SearchParams): CardListParams {
  const sort = one(sp.sort);
  return {
    user: uuidOrNull(one(sp.user)),
    status: uuidOrNull(one(sp.status)),
    sort: (cardSorts as readonly string[]).includes(sort) ? (sort as CardSort) : "deadline",
    q: one(sp.q).trim().slice(0, 200),
    after: one(sp.after).slice(0, 1000) || null,
  };
}

/** A link to the list or board with these params; defaults are left out so URLs stay short. */
export function cardListHref(path: string, params: Partial<CardListParams>): string {
  const search = new URLSearchParams();
  if (params.status) search.set("status", params.status);
  if (params.user) search.set("user", params.user);
  if (params.sort && params.sort !== "deadline") search.set("sort", params.sort);
  if (params.q) search.set("q", params.q);
  if (params.after) search.set("after", params.after);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const hasFilters = (p: CardListParams) => Boolean(p.user || p.status || p.q);
