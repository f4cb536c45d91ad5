import { z } from "zod";
import { invalid } from "@/lib/errors";
import type { ViewSort } from "@/lib/views/definition";

/** The fixed sorts, in the order the sort menu offers them; their directions are fixed (deadline ↑, name ↑, activity ↓, created ↓). */
export const cardSorts = ["deadline", "name", "activity", "created"] as const;
export type FixedCardSort = (typeof cardSorts)[number];

/** A list's order: a fixed sort or a custom field in either direction (the same shape a view stores). */
export type CardSort = ViewSort;

export const defaultCardSort: CardSort = { by: "deadline" };

/** A sort as one short string — the URL's `sort` and the cursor's first element: "name", "field.<id>.desc". */
export function sortKey(sort: CardSort): string {
  return sort.by === "field" ? `field.${sort.fieldId}.${sort.direction}` : sort.by;
}

const fieldSortKey = /^field\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(asc|desc)$/i;

/** The sort a key names, or null for anything else. */
export function parseSortKey(key: string): CardSort | null {
  if ((cardSorts as readonly string[]).includes(key)) return { by: key as FixedCardSort };
  const match = fieldSortKey.exec(key);
  return match ? { by: "field", fieldId: match[1].toLowerCase(), direction: match[2] as "asc" | "desc" } : null;
}

export const sameSort = (a: CardSort, b: CardSort) => sortKey(a) === sortKey(b);

/** Which way a sort runs: a field's as chosen; the fixed ones as people expect (soonest, A–Z, most recent first). */
export const sortDirection = (sort: CardSort): "asc" | "desc" =>
  sort.by === "field" ? sort.direction : sort.by === "activity" || sort.by === "created" ? "desc" : "asc";

/** How a sort key travels as text, so a tampered cursor is refused before it reaches a cast in SQL. */
export type CursorKeyKind = "timestamp" | "numeric" | "boolean" | "text";
const keyShapes: Record<CursorKeyKind, RegExp> = {
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  numeric: /^-?\d{1,200}(\.\d{1,200})?$/,
  boolean: /^(true|false)$/,
  text: /^/s,
};

/**
 * Where a card list page ends: the sort it belongs to (with a field sort's field and direction), the
 * last row's sort key (a UTC timestamp with microseconds, a number, lower-cased text…; null for a
 * card without a value, which sorts last) and its id. Opaque to the client.
 */
export type CardListCursor = { sort: string; key: string | null; id: string };

export function encodeCardCursor(cursor: CardListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

const cursorSchema = z.tuple([z.string().max(100), z.string().max(1000).nullable(), z.uuid()]);

/** The cursor, or Invalid when it was tampered with or belongs to another sort. */
export function decodeCardCursor(after: string, sort: CardSort, key: { kind: CursorKeyKind; nullable: boolean }): CardListCursor {
  let parsed: z.infer<typeof cursorSchema> | undefined;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(after, "base64url").toString("utf8")));
  } catch {
    parsed = undefined;
  }
  const value = parsed?.[1];
  const fits = value === null ? key.nullable : value !== undefined && keyShapes[key.kind].test(value);
  if (!parsed || parsed[0] !== sortKey(sort) || !fits) throw invalid("invalid_input", { after: "invalid_input" });
  return { sort: parsed[0], key: parsed[1], id: parsed[2] };
}
