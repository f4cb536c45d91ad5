import type { Db } from "@/db/client";
import { history, type HistoryKind } from "@/db/schema";

export type HistoryEntry = { cardId: string; kind: HistoryKind; data?: Record<string, unknown> };

/** Writes history rows inside the caller's transaction, so a change and its history commit together. */
export async function recordHistory(tx: Db, actorId: string | null, at: Date, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(history).values(entries.map((e) => ({ cardId: e.cardId, actorId, at, kind: e.kind, data: e.data ?? {} })));
}
