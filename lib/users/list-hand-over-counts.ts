import { and, count, countDistinct, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { automationSteps, cards, statuses, todos } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

/** What deactivating a user with a hand-over would move (lib/users/hand-over-work.ts): open cards, open todos, automations. */
export type HandOverCounts = { cards: number; todos: number; automations: number };

/**
 * Per user with anything to hand over: their open cards, open todos and the automations whose steps
 * send as them or name them — for the deactivation dialog. Three grouped queries, however many users.
 */
export async function listHandOverCounts(ctx: Ctx): Promise<Record<string, HandOverCounts>> {
  if (!can(ctx.actor, "users.deactivate")) throw forbidden();
  const [ownedCards, openTodos, stepUsers] = await Promise.all([
    ctx.db
      .select({ userId: cards.ownerId, n: count() })
      .from(cards)
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .where(and(isNotNull(cards.ownerId), isNull(cards.deletedAt), eq(statuses.group, "open")))
      .groupBy(cards.ownerId),
    ctx.db
      .select({ userId: todos.assigneeId, n: count() })
      .from(todos)
      .where(and(isNull(todos.completedAt), isNull(todos.deletedAt)))
      .groupBy(todos.assigneeId),
    ctx.db
      .select({ userId: sql<string>`u.user_id`, n: countDistinct(sql`u.automation_id`) })
      .from(
        sql`(select ${automationSteps.senderUserId} as user_id, ${automationSteps.automationId} as automation_id from ${automationSteps} where ${automationSteps.senderUserId} is not null
             union all
             select ${automationSteps.userId}, ${automationSteps.automationId} from ${automationSteps} where ${automationSteps.userId} is not null) u`,
      )
      .groupBy(sql`u.user_id`),
  ]);
  const out: Record<string, HandOverCounts> = {};
  const of = (id: string) => (out[id] ??= { cards: 0, todos: 0, automations: 0 });
  for (const r of ownedCards) if (r.userId) of(r.userId).cards = Number(r.n);
  for (const r of openTodos) of(r.userId).todos = Number(r.n);
  for (const r of stepUsers) of(r.userId).automations = Number(r.n);
  return out;
}
