import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { history, users, type HistoryKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { displayName } from "./list-card-users";
import { getVisibleCardOrThrow } from "./scope";

export type CardHistoryEntry = {
  id: number;
  kind: HistoryKind;
  at: Date;
  actorId: string | null;
  /** "Last First" (or the email); null when the system did it (automations, imports). */
  actorName: string | null;
  /** Kind-specific facts: { old, new } for changes, { todoId, text, type, assigneeId, deadline } for todos, … */
  data: Record<string, unknown>;
};

/** One page of a card's history, newest first; `nextBefore` is the id to pass for the older page. */
export type CardHistoryPage = { entries: CardHistoryEntry[]; nextBefore: number | null };

export const historyPageSize = 100;

export const cardHistorySchema = z.object({
  cardId: z.uuid("invalid_input"),
  before: z.coerce.number("invalid_input").int("invalid_input").positive("invalid_input"),
});

/**
 * The history rows of a card, newest first ((at, id) descending, along history_card_idx), one keyset
 * page: `before` is the id of the oldest entry already shown. One query, actor names joined.
 * No visibility check: callers have established the card is visible.
 */
export async function historyPageOf(db: Db, cardId: string, before: number | null, limit = historyPageSize): Promise<CardHistoryPage> {
  const rows = await db
    .select({
      id: history.id,
      kind: history.kind,
      at: history.at,
      actorId: history.actorId,
      data: history.data,
      actorFirstName: users.firstName,
      actorLastName: users.lastName,
      actorEmail: users.email,
    })
    .from(history)
    .leftJoin(users, eq(users.id, history.actorId))
    .where(
      and(
        eq(history.cardId, cardId),
        before === null
          ? undefined
          : sql`(${history.at}, ${history.id}) < (select h.at, h.id from history h where h.id = ${before} and h.card_id = ${cardId}::uuid)`,
      ),
    )
    .orderBy(desc(history.at), desc(history.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorId ? displayName({ firstName: r.actorFirstName, lastName: r.actorLastName, email: r.actorEmail }) : null,
      data: r.data,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** "Load older" on the card page: the next page of history before an entry, for a card the actor may see. */
export async function listCardHistory(db: Db, actor: Actor, raw: z.input<typeof cardHistorySchema>): Promise<CardHistoryPage> {
  const input = cardHistorySchema.parse(raw);
  const card = await getVisibleCardOrThrow(db, actor, input.cardId);
  return historyPageOf(db, card.id, input.before);
}
