import { z } from "zod";
import { invalid } from "@/lib/errors";

export const cardSorts = ["deadline", "name", "activity"] as const;
export type CardSort = (typeof cardSorts)[number];

/**
 * Where a card list page ends: the sort it belongs to, the last row's sort key (a UTC timestamp with
 * microseconds, or lower(name); null for a card without open todos) and its id. Opaque to the client.
 */
export type CardListCursor = { sort: CardSort; key: string | null; id: string };

export function encodeCardCursor(cursor: CardListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");
}

const cursorSchema = z.tuple([z.enum(cardSorts), z.string().max(1000).nullable(), z.uuid()]);

/** The cursor, or Invalid when it was tampered with or belongs to another sort. */
export function decodeCardCursor(after: string, sort: CardSort): CardListCursor {
  let parsed: z.infer<typeof cursorSchema> | undefined;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(after, "base64url").toString("utf8")));
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed[0] !== sort || (sort !== "deadline" && parsed[1] === null)) {
    throw invalid("invalid_input", { after: "invalid_input" });
  }
  return { sort: parsed[0], key: parsed[1], id: parsed[2] };
}
