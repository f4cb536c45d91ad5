import type { Db } from "@/db/client";
import { publishAutomationsChanged } from "@/lib/automations/publish-automations-changed";
import { publishCardChanges, publishToUsers } from "@/lib/realtime/publish";
import type { HandOver } from "./hand-over-work";

/**
 * After the hand-over committed: the handed-over cards to both owners' audiences, the cards whose
 * todos moved to their audiences, My todos of everyone who gained or lost a todo, and the Automations
 * pages whose steps changed sender. Ids only.
 */
export async function publishHandOver(db: Db, handOver: HandOver): Promise<void> {
  const moved = new Set(handOver.cards.map((c) => c.id));
  await publishCardChanges(db, [
    ...handOver.cards.map((c) => ({ event: { kind: "card.changed" as const, moduleId: c.moduleId, cardId: c.id }, ownerIds: [handOver.fromId, handOver.toId] })),
    ...[...new Map(handOver.todos.filter((t) => !moved.has(t.cardId)).map((t) => [t.cardId, t])).values()].map((t) => ({
      event: { kind: "card.changed" as const, moduleId: t.moduleId, cardId: t.cardId },
      ownerIds: [t.cardOwnerId],
    })),
  ]);
  const people = [...new Set([handOver.toId, ...handOver.todos.map((t) => t.to), ...handOver.alsoReassignedFromIds])];
  if (handOver.todos.length || handOver.alsoReassignedFromIds.length) publishToUsers({ kind: "todo.changed" }, people);
  for (const a of handOver.automations) publishAutomationsChanged(a.moduleId, a.id);
}
