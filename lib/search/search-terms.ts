/**
 * How search text becomes LIKE patterns, shared by the card search (lib/cards/card-search.ts), the
 * contact search (lib/contacts/contact-search.ts) and the global search's ranking.
 */

/** The query as every search reads it: trimmed, lower-cased, at most 200 characters. */
export const normaliseQuery = (q: string | null | undefined) => (q ?? "").trim().toLowerCase().slice(0, 200);

/** Its words, at most six: every one must match, in any order. */
export const queryWords = (text: string) => text.split(/\s+/).filter(Boolean).slice(0, 6);

/** For LIKE: the user's text matched literally (backslash is LIKE's default escape). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern finding the text anywhere. */
export const containsPattern = (s: string) => `%${likeEscape(s)}%`;

/** Looks like a phone number: digits with spaces, dashes, slashes, dots, brackets, a leading "+". */
export const phoneLike = /^\+?[\d\s()/.-]+$/;

export const digitsOf = (s: string) => s.replace(/\D/g, "");
