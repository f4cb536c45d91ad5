import { and, asc, count, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { cards, fields, modules, statuses, todos, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { converter, prepareReport } from "./build-report";
import { coverPeriod, foldRollups, rollupCounts } from "./report-facts";
import { reportInputSchema } from "./report-input";

export const staleDayChoices = [7, 14, 30, 60] as const;

/**
 * The manager's home (SPEC §12, §13): who has overdue todos right now, what was won this week, the open
 * pipeline by status with its value, and cards nobody has touched for `staleDays` — all within what the
 * manager may see, and read again live as colleagues work and deadlines pass.
 */
export async function buildDashboard(ctx: Ctx, staleDays: number) {
  const { db, actor, now } = ctx;
  const week = await prepareReport(ctx, reportInputSchema.parse({ period: "this_week" }));
  const visible = visibleCardsCondition(actor);
  const people = week.scope.users;
  const moduleIds = week.moduleIds;

  await foldRollups(db);
  const moneyFields = moduleIds.length
    ? await db
        .selectDistinctOn([fields.moduleId], { moduleId: fields.moduleId, id: fields.id })
        .from(fields)
        .where(and(inArray(fields.moduleId, moduleIds), eq(fields.type, "money"), isNull(fields.archivedAt)))
        .orderBy(fields.moduleId, asc(fields.position), asc(fields.id))
    : [];
  const money = moneyFields.length
    ? sql`(case ${sql.join(
        moneyFields.map((f) => sql`when ${cards.moduleId} = ${f.moduleId}::uuid then ${cards.values} -> ${f.id}`),
        sql` `,
      )} end)`
    : sql`null::jsonb`;
  const staleBefore = new Date(now.getTime() - staleDays * 86_400_000);
  const openCard = and(isNull(cards.deletedAt), eq(statuses.group, "open"), moduleIds.length ? inArray(cards.moduleId, moduleIds) : sql`false`, visible);
  const valued = db
    .select({
      statusId: cards.statusId,
      currency: sql<string | null>`${money} ->> 'currency'`.as("currency"),
      amount: sql<number | null>`case when jsonb_typeof(${money} -> 'amount') = 'number' then (${money} ->> 'amount')::float8 end`.as("amount"),
    })
    .from(cards)
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .where(openCard)
    .as("valued");

  const [overdue, wonRows, pipeline, staleCount, stale] = await Promise.all([
    people.length
      ? db
          .select({ userId: todos.assigneeId, n: count() })
          .from(todos)
          .innerJoin(cards, eq(cards.id, todos.cardId))
          .where(
            and(
              isNull(todos.completedAt),
              isNull(todos.deletedAt),
              lt(todos.deadline, now),
              isNull(cards.deletedAt),
              visible,
              inArray(
                todos.assigneeId,
                people.map((u) => u.id),
              ),
            ),
          )
          .groupBy(todos.assigneeId)
      : [],
    moduleIds.length ? rollupCounts(db, coverPeriod(week.period), week.counted) : [],
    // Each card's value picked first, then grouped by its currency (a grouped expression may not repeat parameters).
    db
      .select({ statusId: valued.statusId, cards: count(), currency: valued.currency, amount: sql<number | null>`sum(${valued.amount})` })
      .from(valued)
      .groupBy(valued.statusId, valued.currency),
    db
      .select({ n: count() })
      .from(cards)
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .where(and(openCard, lt(cards.lastActivityAt, staleBefore))),
    db
      .select({
        id: cards.id,
        name: cards.name,
        module: modules.name,
        status: statuses.name,
        lastActivityAt: cards.lastActivityAt,
        ownerFirst: users.firstName,
        ownerLast: users.lastName,
      })
      .from(cards)
      .innerJoin(statuses, eq(statuses.id, cards.statusId))
      .innerJoin(modules, eq(modules.id, cards.moduleId))
      .leftJoin(users, eq(users.id, cards.ownerId))
      .where(and(openCard, lt(cards.lastActivityAt, staleBefore)))
      .orderBy(asc(cards.lastActivityAt), asc(cards.id))
      .limit(8),
  ]);

  // Pipeline values in the reporting currency, at this month's rate.
  const month = now.toISOString().slice(0, 7);
  const rates = await converter(db, week.currency, [...pipeline.map((p) => p.currency), ...wonRows.map((r) => r.currency)]);
  const overdueBy = new Map(overdue.map((o) => [o.userId, o.n]));
  const won = wonRows.filter((r) => (r.kind === "created" || r.kind === "status") && r.to_group === "won");

  return {
    currency: week.currency,
    week: week.period,
    staleDays,
    overdue: people
      .map((u) => ({ userId: u.id, name: u.name, n: overdueBy.get(u.id) ?? 0 }))
      .filter((o) => o.n > 0)
      .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)),
    wonThisWeek: {
      cards: won.reduce((n, r) => n + r.n, 0),
      value: won.reduce((sum, r) => sum + (r.amount && r.currency ? (rates.convert(r.amount, r.currency, r.month) ?? 0) : 0), 0),
    },
    pipeline: week.scope.modules.map((m) => ({
      id: m.id,
      name: m.name,
      statuses: m.statuses
        .filter((s) => s.group === "open")
        .map((s) => {
          // One row per currency the status's cards are in.
          const rows = pipeline.filter((p) => p.statusId === s.id);
          const value = rows.reduce((sum, r) => sum + (r.amount && r.currency ? (rates.convert(r.amount, r.currency, month) ?? 0) : 0), 0);
          return { id: s.id, name: s.name, color: s.color, cards: rows.reduce((n, r) => n + r.cards, 0), value };
        }),
    })),
    stale: {
      count: staleCount[0]?.n ?? 0,
      cards: stale.map((c) => ({ ...c, owner: c.ownerLast || c.ownerFirst ? `${c.ownerLast} ${c.ownerFirst}`.trim() : null })),
    },
    missingRates: [...rates.missing.values()],
  };
}
