import type { Server } from "socket.io";
import type { Db } from "@/db/client";
import { announceCardChange } from "@/lib/realtime/announce";
import { changeEventName, type ChangeEvent } from "@/lib/realtime/publish";
import { rooms } from "@/lib/realtime/rooms";
import type { StepRunOutcome } from "./execute-step-run";

const globalForIo = globalThis as unknown as { __crmIo?: Server; __crmAutomationProgress?: Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }> };

/** At most this many "automations.changed" events per module and second from step runs (a trailing one always goes out). */
const perSecond = 2;

/**
 * Tells signed-in browsers that a module's automations moved on (step runs done or skipped): ids only;
 * the Automations page refetches its counts. Throttled per module: ten thousand step runs due in the
 * same minute are a few events, not ten thousand. Call after commit.
 */
export function publishAutomationProgress(moduleId: string, automationId: string, { io = globalForIo.__crmIo }: { io?: Server } = {}): void {
  if (!io) return;
  const state = (globalForIo.__crmAutomationProgress ??= new Map());
  const entry = state.get(moduleId) ?? { last: 0 };
  state.set(moduleId, entry);
  const emit = () => {
    entry.last = Date.now();
    entry.timer = undefined;
    io.to(rooms.allContacts).emit(changeEventName, { kind: "automations.changed", moduleId, automationId } satisfies ChangeEvent);
  };
  const wait = entry.last + 1000 / perSecond - Date.now();
  if (wait <= 0) {
    if (entry.timer) clearTimeout(entry.timer);
    emit();
  } else entry.timer ??= setTimeout(emit, wait);
}

/** After a step run's transaction committed: its todo or emails to the card's audience, and the Automations page. */
export async function publishStepRunOutcome(db: Db, outcome: StepRunOutcome): Promise<void> {
  if (!globalForIo.__crmIo) return; // no sockets in this process (a worker, a script, tests): nothing to tell, nothing to read
  const ids = { cardId: outcome.cardId, moduleId: outcome.moduleId };
  if (outcome.todoId) await announceCardChange(db, "todo.created", { ...ids, todoId: outcome.todoId });
  if (outcome.emailIds?.length) await announceCardChange(db, "email.changed", ids);
  publishAutomationProgress(outcome.moduleId, outcome.automationId);
}
