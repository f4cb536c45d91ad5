import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { history, type HistoryKind } from "@/db/schema";
import { syncEnrolments } from "@/lib/automations/sync-enrolments";

export type HistoryEntry = { cardId: string; kind: HistoryKind; data?: Record<string, unknown> };

/** Entries that record what was done to a card's contacts by email or by an automation, not a change of the card itself. */
const noQualificationChange: ReadonlySet<HistoryKind> = new Set(["email", "automation_step", "note", "document_added", "document_removed"]);

/**
 * Writes history rows inside the caller's transaction, so a change and its history commit together.
 * Every card write records history, so this is also where the write's automation enrolments are
 * brought up to date, in the same transaction: no verb can forget it.
 */
export async function recordHistory(tx: Db, actorId: string | null, at: Date, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length <= 50) {
    await tx.insert(history).values(entries.map((e) => ({ cardId: e.cardId, actorId, at, kind: e.kind, data: e.data ?? {} })));
  } else {
    // A batch (an import's thousands of entries): one JSON parameter instead of five per row.
    await tx.execute(sql`
      insert into history (card_id, actor_id, at, kind, data)
      select card_id, ${actorId}::uuid, ${at.toISOString()}::timestamptz, kind, data
      from json_to_recordset(${JSON.stringify(entries.map((e) => ({ card_id: e.cardId, kind: e.kind, data: e.data ?? {} })))}::json) as x(card_id uuid, kind text, data jsonb)`);
  }
  const changed = [...new Set(entries.filter((e) => !noQualificationChange.has(e.kind)).map((e) => e.cardId))];
  if (changed.length) await syncEnrolments(tx, changed, at);
}
