import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

/** A report's rows are keyed by user; cards owned by nobody by this id. */
export const unassignedKey = "00000000-0000-0000-0000-000000000000";

/** One salesperson's window: their period on their own calendar (their group's zone, else the organisation's). */
export type UserWindow = {
  key: string;
  start: Date;
  end: Date;
  timeZone: string;
};

/**
 * `report_events r` joined to each user's window, limited to the modules: the one shape every report
 * query shares. The outer `at` range lets the planner use report_events_at_idx; the join keeps each
 * user's own days.
 */
export function windowedEvents(
  windows: UserWindow[],
  moduleIds: string[],
  extra: SQL = sql`true`,
): SQL {
  const starts = Math.min(...windows.map((w) => w.start.getTime()));
  const ends = Math.max(...windows.map((w) => w.end.getTime()));
  const values = sql.join(
    windows.map(
      (w) =>
        sql`(${w.key}::uuid, ${w.start.toISOString()}::timestamptz, ${w.end.toISOString()}::timestamptz, ${w.timeZone}::text)`,
    ),
    sql`, `,
  );
  return sql`report_events r
    join (values ${values}) as w(user_key, s, e, tz) on w.user_key = coalesce(r.user_id, ${unassignedKey}::uuid) and r.at >= w.s and r.at < w.e
    where r.at >= ${new Date(starts).toISOString()}::timestamptz and r.at < ${new Date(ends).toISOString()}::timestamptz
      and r.module_id in (${sql.join(
        moduleIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      and ${extra}`;
}

/** An email counts once it was delivered: queued, failed and outbox ones were not sent. */
const sentOnly = sql`(r.kind <> 'email' or exists (select 1 from emails e where e.id = r.email_id and e.state = 'sent'))`;

export type CountRow = {
  user_key: string;
  module_id: string;
  kind: string;
  to_group: string | null;
  by_automation: boolean;
  late: boolean;
  currency: string | null;
  month: string | null;
  n: number;
  amount: number | null;
};

/** Counts per user, module and kind of event; won and lost money per currency and month (for the rates). */
export function countEvents(
  db: Db,
  windows: UserWindow[],
  moduleIds: string[],
  orgTimeZone: string,
): Promise<CountRow[]> {
  const money = sql`(r.to_group in ('won', 'lost'))`;
  return queryRows<CountRow>(
    db,
    sql`select r.user_id::text as user_key, r.module_id::text as module_id, r.kind, r.to_group, r.by_automation,
          (r.kind = 'todo_done' and r.at > r.deadline) as late,
          case when ${money} then r.currency end as currency,
          case when ${money} then to_char(r.at at time zone ${orgTimeZone}, 'YYYY-MM') end as month,
          count(*)::int as n, sum(case when ${money} then r.amount end)::float8 as amount
        from ${windowedEvents(windows, moduleIds, sentOnly)}
        group by 1, 2, 3, 4, 5, 6, 7, 8`,
  );
}

export type TrendRow = {
  week: string;
  kind: string;
  to_group: string | null;
  n: number;
};

/** Events per week (Monday, on each user's calendar). */
export function weeklyTrend(
  db: Db,
  windows: UserWindow[],
  moduleIds: string[],
): Promise<TrendRow[]> {
  return queryRows<TrendRow>(
    db,
    sql`select to_char(date_trunc('week', r.at at time zone w.tz), 'YYYY-MM-DD') as week, r.kind, r.to_group, count(*)::int as n
        from ${windowedEvents(windows, moduleIds, sql`r.kind in ('created', 'status', 'todo_done')`)}
        group by 1, 2, 3 order by 1`,
  );
}

export type FunnelRow = { module_id: string; status_id: string; cards: number };

/** Distinct cards that entered each status in the period (created in it, or moved into it). */
export function statusEntries(
  db: Db,
  windows: UserWindow[],
  moduleIds: string[],
): Promise<FunnelRow[]> {
  return queryRows<FunnelRow>(
    db,
    sql`select r.module_id::text as module_id, r.to_status_id::text as status_id, count(distinct r.card_id)::int as cards
        from ${windowedEvents(windows, moduleIds, sql`r.kind in ('created', 'status') and r.to_status_id is not null`)}
        group by 1, 2`,
  );
}

export type DwellRow = {
  module_id: string;
  status_id: string;
  exits: number;
  avg_s: number;
  median_s: number;
};

/** How long cards stayed in a status, over the moves out of it in the period. */
export function timeInStatus(
  db: Db,
  windows: UserWindow[],
  moduleIds: string[],
): Promise<DwellRow[]> {
  return queryRows<DwellRow>(
    db,
    sql`select r.module_id::text as module_id, r.from_status_id::text as status_id, count(*)::int as exits,
          avg(extract(epoch from r.at - r.entered_at))::float8 as avg_s,
          percentile_cont(0.5) within group (order by extract(epoch from r.at - r.entered_at))::float8 as median_s
        from ${windowedEvents(windows, moduleIds, sql`r.kind = 'status' and r.entered_at is not null and r.from_status_id is not null`)}
        group by 1, 2`,
  );
}

export type OverdueRow = { user_key: string; module_id: string; n: number };

/**
 * Todos overdue when the period ended (or now, for a period still running): open todos due before it,
 * and todos completed only after it that were due before it.
 */
export function overdueAtEnd(
  db: Db,
  windows: UserWindow[],
  moduleIds: string[],
  now: Date,
): Promise<OverdueRow[]> {
  const values = sql.join(
    windows
      .filter((w) => w.key !== unassignedKey)
      .map(
        (w) =>
          sql`(${w.key}::uuid, ${new Date(Math.min(w.end.getTime(), now.getTime())).toISOString()}::timestamptz)`,
      ),
    sql`, `,
  );
  if (windows.every((w) => w.key === unassignedKey)) return Promise.resolve([]);
  const modules = sql.join(
    moduleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return queryRows<OverdueRow>(
    db,
    sql`with w(user_key, e) as (values ${values})
        select user_key::text, module_id::text, sum(n)::int as n from (
          select t.assignee_id as user_key, t.module_id, count(*) as n
          from todos t join w on t.assignee_id = w.user_key
          where t.completed_at is null and t.deleted_at is null and t.deadline < w.e and t.created_at < w.e and t.module_id in (${modules})
          group by 1, 2
          union all
          select r.user_id, r.module_id, count(*)
          from report_events r join w on r.user_id = w.user_key
          where r.kind = 'todo_done' and r.at >= w.e and r.deadline < w.e and r.module_id in (${modules})
          group by 1, 2
        ) o group by 1, 2`,
  );
}
