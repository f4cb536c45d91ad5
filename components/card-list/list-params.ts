import { z } from "zod";
import { parseSortKey, sortKey, type CardSort } from "@/lib/cards/card-list-cursor";

/**
 * The card list's and board's state, all in the URL: shareable, and the back button works. `sort` is
 * null when the URL names none (the view's default sort applies, else by next todo); `view` is a saved view's id.
 */
export type CardListParams = { view: string | null; user: string | null; status: string | null; sort: CardSort | null; q: string; after: string | null };

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const uuidOrNull = (v: string) => (z.uuid().safeParse(v).success ? v : null);

/** Unknown or malformed values fall back to the defaults (no view, Everyone, all statuses, the default sort). */
export function parseCardListParams(sp: SearchParams): CardListParams {
  return {
    view: uuidOrNull(one(sp.view)),
    user: uuidOrNull(one(sp.user)),
    status: uuidOrNull(one(sp.status)),
    sort: parseSortKey(one(sp.sort)),
    q: one(sp.q).trim().slice(0, 200),
    after: one(sp.after).slice(0, 1000) || null,
  };
}

/** A link to the list or board with these params; what is not set is left out so URLs stay short. */
export function cardListHref(path: string, params: Partial<CardListParams>): string {
  const search = new URLSearchParams();
  if (params.view) search.set("view", params.view);
  if (params.status) search.set("status", params.status);
  if (params.user) search.set("user", params.user);
  if (params.sort) search.set("sort", sortKey(params.sort));
  if (params.q) search.set("q", params.q);
  if (params.after) search.set("after", params.after);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const hasFilters = (p: CardListParams) => Boolean(p.user || p.status || p.q);
