import type { Server } from "socket.io";
import { changeEventName, type ChangeEvent } from "@/lib/realtime/publish";

const globalForIo = globalThis as unknown as { __crmIo?: Server; __crmBulkProgress?: Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }> };

/** At most this many progress events per run and second (the last one always goes out). */
const perSecond = 4;

/**
 * Tells signed-in browsers that a bulk run moved on: ids only ("bulk.progress", moduleId, runId); the
 * Automations page refetches its run through permission-checked code. Throttled per run (≤ 4/s), with a
 * trailing event so the final state is never missed. Call after commit.
 */
export function publishBulkProgress(moduleId: string, runId: string, { force = false, io = globalForIo.__crmIo }: { force?: boolean; io?: Server } = {}): void {
  if (!io) return;
  const state = (globalForIo.__crmBulkProgress ??= new Map());
  const entry = state.get(runId) ?? { last: 0 };
  state.set(runId, entry);
  const emit = () => {
    entry.last = Date.now();
    entry.timer = undefined;
    io.emit(changeEventName, { kind: "bulk.progress", moduleId, runId } satisfies ChangeEvent);
  };
  const wait = entry.last + 1000 / perSecond - Date.now();
  if (force || wait <= 0) {
    if (entry.timer) clearTimeout(entry.timer);
    emit();
  } else entry.timer ??= setTimeout(emit, wait);
}
