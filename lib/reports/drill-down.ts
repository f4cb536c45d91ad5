import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { queryRows } from "@/db/rows";
import { cards, modules, statuses, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { invalid } from "@/lib/errors";
import { prepareReport } from "./build-report";
import { drillMetrics, type DrillMetric } from "./drill-down-metrics";
import { sentEmail, unassignedKey, windowedEvents } from "./report-facts";
import type { ReportInput } from "./report-input";

export const drillInputSchema = z.object({
  metric: z.enum(drillMetrics),
  user: z.uuid("unknown_id").optional(),
});

/** The report events behind each number: the same conditions build-report folds into that metric. */
const conditions: Record<DrillMetric, SQL> = {
  created: sql`r.kind = 'created'`,
  statusChanges: sql`r.kind = 'status'`,
  won: sql`r.kind in ('created', 'status') and r.to_group = 'won'`,
  lost: sql`r.kind in ('created', 'status') and r.to_group = 'lost'`,
  todosOnTime: sql`r.kind = 'todo_done' and r.at <= r.deadline`,
  todosLate: sql`r.kind = 'todo_done' and r.at > r.deadline`,
  emailsByHand: sql`${sentEmail} and not r.by_automation`,
  emailsByAutomation: sql`${sentEmail} and r.by_automation`,
  automationSteps: sql`r.kind = 'step'`,
};

export type DrillCard = {
  id: string;
  name: string;
  module: string;
  status: string;
  owner: string | null;
  at: Date;
  events: number;
  trashed: boolean;
};

const limit = 500;

/**
 * The cards behind one of a report's numbers — for one salesperson, or everyone the report counts —
 * newest first. Only cards the reader may open are listed; the others are counted, never named.
 */
export async function drillDown(ctx: Ctx, input: ReportInput, drill: z.infer<typeof drillInputSchema>) {
  const prepared = await prepareReport(ctx, input);
  const allWindows = prepared.windows(prepared.period);
  const windows = drill.user ? allWindows.filter((w) => w.key === drill.user) : allWindows;
  if (drill.user && windows.length === 0) throw invalid("report_unknown_user");
  const who = drill.user === unassignedKey ? "" : drill.user ? (prepared.scope.users.find((u) => u.id === drill.user)?.name ?? "") : null;
  if (windows.length === 0 || prepared.moduleIds.length === 0) return { ...prepared, who, cards: [] as DrillCard[], total: 0, hidden: 0 };

  const hits = await queryRows<{
    card_id: string;
    at: string;
    events: number;
    total: number;
  }>(
    ctx.db,
    sql`select r.card_id::text as card_id, max(r.at) as at, count(*)::int as events, (count(*) over ())::int as total
        from ${windowedEvents(windows, prepared.moduleIds, conditions[drill.metric])}
        group by r.card_id order by max(r.at) desc limit ${limit}`,
  );
  const ids = hits.map((h) => h.card_id);
  const owner = alias(users, "owner");
  const visible = ids.length
    ? await ctx.db
        .select({
          id: cards.id,
          name: cards.name,
          module: modules.name,
          status: statuses.name,
          ownerFirst: owner.firstName,
          ownerLast: owner.lastName,
          deletedAt: cards.deletedAt,
        })
        .from(cards)
        .innerJoin(modules, eq(modules.id, cards.moduleId))
        .innerJoin(statuses, eq(statuses.id, cards.statusId))
        .leftJoin(owner, eq(owner.id, cards.ownerId))
        .where(and(inArray(cards.id, ids), visibleCardsCondition(ctx.actor)))
    : [];
  const byId = new Map(visible.map((c) => [c.id, c]));
  const list: DrillCard[] = hits.flatMap((h) => {
    const c = byId.get(h.card_id);
    if (!c) return [];
    const ownerName = c.ownerLast || c.ownerFirst ? `${c.ownerLast ?? ""} ${c.ownerFirst ?? ""}`.trim() : null;
    return [
      {
        id: c.id,
        name: c.name,
        module: c.module,
        status: c.status,
        owner: ownerName,
        at: new Date(h.at),
        events: h.events,
        trashed: c.deletedAt !== null,
      },
    ];
  });
  return {
    ...prepared,
    who,
    cards: list,
    total: hits[0]?.total ?? 0,
    hidden: hits.length - list.length,
  };
}
