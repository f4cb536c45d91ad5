import { and, asc, count, eq, gt, gte, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cards, modules, todos, type TodoType } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { forbidden } from "@/lib/errors";
import { dayBoundaries, type TodoGroup } from "@/lib/time/org-time";

export const todoGroups = ["overdue", "today", "tomorrow", "later"] as const satisfies readonly TodoGroup[];

export type MyTodo = {
  id: string;
  text: string;
  type: TodoType;
  deadline: Date;
  group: TodoGroup;
  card: { id: string; name: string };
  module: { id: string; name: string };
};

/**
 * One group: its first `limitPerGroup` todos by deadline, how many there are in all (counted up to
 * `countCap`; `countCapped` says the real number is higher) and how many of those are not shown.
 */
export type MyTodoGroup = { group: TodoGroup; todos: MyTodo[]; count: number; countCapped: boolean; more: number };

export type MyTodos = { groups: MyTodoGroup[]; total: number };

/** How many todos a group the user opened in full ("Show all") lists; beyond that the card lists take over. */
export const expandedLimit = 1000;

/**
 * "My todos": every open todo assigned to the actor, across modules, on live cards they may see,
 * grouped overdue / today / tomorrow / later on the organisation's clock (todoGroup's boundaries).
 * Two queries, each four short ranges of the (assignee, deadline) index: the first rows of every
 * group (50, or up to 1,000 for the one group the user opened in full), and every group's count —
 * bounded, so a user with thousands of old todos still gets a fast page.
 */
export async function listMyTodos(
  db: Db,
  actor: Actor,
  input: { now: Date; timeZone: string; limitPerGroup?: number; expandedGroup?: TodoGroup | null; countCap?: number },
): Promise<MyTodos> {
  if (!can(actor, "todos.view")) throw forbidden();
  const cap = Math.min(Math.max(Math.trunc(input.limitPerGroup ?? 50), 1), expandedLimit);
  const limitOf = (group: TodoGroup) => (group === input.expandedGroup ? expandedLimit : cap);
  const countCap = Math.max(Math.trunc(input.countCap ?? 500), cap);
  const { tomorrow, dayAfter } = dayBoundaries(input.now, input.timeZone);
  const ranges: Record<TodoGroup, SQL[]> = {
    overdue: [lte(todos.deadline, input.now)],
    today: [gt(todos.deadline, input.now), lt(todos.deadline, tomorrow)],
    tomorrow: [gte(todos.deadline, tomorrow), lt(todos.deadline, dayAfter)],
    later: [gte(todos.deadline, dayAfter)],
  };
  const mine = (group: TodoGroup) =>
    and(
      eq(todos.assigneeId, actor.id),
      isNull(todos.completedAt),
      isNull(todos.deletedAt),
      ...ranges[group],
      isNull(cards.deletedAt),
      isNull(modules.archivedAt),
      visibleCardsCondition(actor),
    );

  const rowsOf = (group: TodoGroup) =>
    db
      .select({
        group: sql<TodoGroup>`${group}::text`.as("todo_group"),
        id: todos.id,
        text: todos.text,
        type: todos.type,
        deadline: todos.deadline,
        cardId: sql<string>`${cards.id}`.as("card_id"),
        cardName: sql<string>`${cards.name}`.as("card_name"),
        moduleId: sql<string>`${modules.id}`.as("module_id"),
        moduleName: sql<string>`${modules.name}`.as("module_name"),
      })
      .from(todos)
      .innerJoin(cards, eq(cards.id, todos.cardId))
      .innerJoin(modules, eq(modules.id, cards.moduleId))
      .where(mine(group))
      .orderBy(asc(todos.deadline), asc(todos.id))
      .limit(limitOf(group));
  const countOf = (group: TodoGroup) => {
    const capped = db
      .select({ one: sql`1`.as("one") })
      .from(todos)
      .innerJoin(cards, eq(cards.id, todos.cardId))
      .innerJoin(modules, eq(modules.id, cards.moduleId))
      .where(mine(group))
      .orderBy(asc(todos.deadline)) // walks the (assignee, deadline) index and stops at the cap, instead of a bitmap of every match
      .limit(countCap + 1)
      .as(`capped_${group}`);
    return db.select({ group: sql<TodoGroup>`${group}::text`.as("todo_group"), count: count() }).from(capped);
  };

  const [rows, counts] = await Promise.all([
    unionAll(rowsOf("overdue"), rowsOf("today"), rowsOf("tomorrow"), rowsOf("later")),
    unionAll(countOf("overdue"), countOf("today"), countOf("tomorrow"), countOf("later")),
  ]);

  const groups = todoGroups.map((group): MyTodoGroup => {
    const counted = Number(counts.find((c) => c.group === group)?.count ?? 0);
    const list = rows
      .filter((r) => r.group === group)
      .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || (a.id < b.id ? -1 : 1))
      .map((r) => ({
        id: r.id,
        text: r.text,
        type: r.type,
        deadline: r.deadline,
        group,
        card: { id: r.cardId, name: r.cardName },
        module: { id: r.moduleId, name: r.moduleName },
      }));
    const total = Math.min(counted, countCap);
    return { group, todos: list, count: total, countCapped: counted > countCap, more: total - list.length };
  });
  return { groups, total: groups.reduce((sum, g) => sum + g.count, 0) };
}
