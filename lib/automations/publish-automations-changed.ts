import type { Server } from "socket.io";
import { changeEventName, type ChangeEvent } from "@/lib/realtime/publish";
import { rooms } from "@/lib/realtime/rooms";

const globalForIo = globalThis as unknown as { __crmIo?: Server };

/**
 * Tells signed-in browsers that an automation of the module changed (created, edited, activated,
 * switched off, step runs moved on): ids only; the Automations pages refetch through permission-checked
 * code. Call after commit.
 */
export function publishAutomationsChanged(moduleId: string, automationId?: string, { io = globalForIo.__crmIo }: { io?: Server } = {}): void {
  // Not to Restricted and group-restricted users (the roles of `allContacts`' complement): they have no Automations page.
  io?.to(rooms.allContacts).emit(changeEventName, { kind: "automations.changed", moduleId, automationId } satisfies ChangeEvent);
}
