import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { addCalendarDays } from "@/lib/time/calendar-days";
import type { Period } from "./period";

/** A report's rows are keyed by user; cards owned by nobody by this id. */
export const unassignedKey = "00000000-0000-0000-0000-000000000000";

/** Who a report counts: these people, and cards owned by nobody when `unassigned`. */
export type Counted = { userIds: string[]; unassigned: boolean; moduleIds: string[] };

// ---- Rollups: the counts, from report_rollups ---------------------------------------------

/** A period as whole months, then whole weeks (Monday to Sunday), then single days. */
export type Cover = { months: string[]; weeks: string[]; days: string[] };

const lastOfMonth = (day: string) => {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/** The fewest rollup slices that add up to the period (`months: false` for a week-by-week trend). */
export function coverPeriod(period: Period, { months = true } = {}): Cover {
  const cover: Cover = { months: [], weeks: [], days: [] };
  for (let day = period.from; day <= period.to;) {
    if (months && day.endsWith("-01") && lastOfMonth(day) <= period.to) {
      cover.months.push(day);
      day = addCalendarDays(lastOfMonth(day), 1);
    } else if (isMonday(day) && addCalendarDays(day, 6) <= period.to) {
      cover.weeks.push(day);
      day = addCalendarDays(day, 7);
    } else {
      cover.days.push(day);
      day = addCalendarDays(day, 1);
    }
  }
  return cover;
}

const list = (values: string[], cast: string) =>
  sql.join(
    values.map((v) => sql`${v}::${sql.raw(cast)}`),
    sql`, `,
  );

function rollupsIn(cover: Cover, counted: Counted): SQL {
  const slices = (["months", "weeks", "days"] as const)
    .filter((k) => cover[k].length)
    .map((k) => sql`(r.grain = ${k.slice(0, -1)} and r.start in (${list(cover[k], "date")}))`);
  const people = [
    ...(counted.userIds.length ? [sql`r.user_id in (${list(counted.userIds, "uuid")})`] : []),
    ...(counted.unassigned ? [sql`r.user_id is null`] : []),
  ];
  return sql`report_rollups r
    where (${sql.join(slices, sql` or `)})
      and r.module_id in (${list(counted.moduleIds, "uuid")})
      and (${people.length ? sql.join(people, sql` or `) : sql`false`})`;
}

/** New rollup rows (the writes since the last report) folded into their slices first. */
export async function foldRollups(db: Db): Promise<void> {
  const [pending] = await queryRows(db, sql`select 1 from report_rollups where not folded limit 1`);
  if (pending) await db.execute(sql`select fold_report_rollups()`);
}

export type RollupRow = {
  user_key: string | null;
  module_id: string;
  kind: string;
  to_group: string | null;
  status_id: string | null;
  late: boolean;
  currency: string | null;
  month: string;
  n: number;
  amount: number | null;
  dwell_s: number | null;
};

/** Counts per person, module and key over the period; money per currency and month (for the rates). */
export function rollupCounts(db: Db, cover: Cover, counted: Counted): Promise<RollupRow[]> {
  return queryRows<RollupRow>(
    db,
    sql`select r.user_id::text as user_key, r.module_id::text as module_id, r.kind, r.to_group, r.status_id::text as status_id, r.late, r.currency,
          to_char(r.start, 'YYYY-MM') as month, sum(r.n)::int as n, sum(r.amount)::float8 as amount, sum(r.dwell_s)::float8 as dwell_s
        from ${rollupsIn(cover, counted)} and r.kind <> 'exit'
        group by r.user_id, r.module_id, r.kind, r.to_group, r.status_id, r.late, r.currency, to_char(r.start, 'YYYY-MM')
        having sum(r.n) <> 0`,
  );
}

export type ExitRow = { status_id: string; dwell_bucket: number; n: number; dwell_s: number };

/** Moves out of each status over the period, per bucket of time spent there (for the average and the median). */
export function rollupExits(db: Db, cover: Cover, counted: Counted): Promise<ExitRow[]> {
  return queryRows<ExitRow>(
    db,
    sql`select r.status_id::text as status_id, r.dwell_bucket, sum(r.n)::int as n, sum(r.dwell_s)::float8 as dwell_s
        from ${rollupsIn(cover, counted)} and r.kind = 'exit'
        group by r.status_id, r.dwell_bucket having sum(r.n) > 0`,
  );
}

/**
 * The median of bucketed times (seconds): the bucket the middle move falls in, and within it, on the
 * log scale the buckets are cut on, as far as the middle lies among that bucket's moves.
 */
export function bucketMedian(buckets: { dwell_bucket: number; n: number }[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.dwell_bucket - b.dwell_bucket);
  const half = sorted.reduce((sum, b) => sum + b.n, 0) / 2;
  let before = 0;
  for (const b of sorted) {
    if (before + b.n >= half) return 2 ** ((b.dwell_bucket + (half - before) / b.n) / 4);
    before += b.n;
  }
  return null;
}

export type TrendRow = { week: string; kind: string; to_group: string | null; n: number };

/** Events per week (Monday) of each person's calendar. */
export function weeklyTrend(db: Db, cover: Cover, counted: Counted): Promise<TrendRow[]> {
  return queryRows<TrendRow>(
    db,
    sql`select to_char(case when r.grain = 'day' then r.start - (extract(isodow from r.start)::int - 1) else r.start end, 'YYYY-MM-DD') as week,
          r.kind, r.to_group, sum(r.n)::int as n
        from ${rollupsIn(cover, counted)} and r.kind in ('created', 'status', 'todo_done')
        group by 1, 2, 3 having sum(r.n) <> 0 order by 1`,
  );
}

// ---- Single events: what sums cannot answer -----------------------------------------------

/** One salesperson's window: their period on their own calendar (their group's zone, else the organisation's). */
export type UserWindow = { key: string; start: Date; end: Date };

/**
 * `report_events r` within each user's window, limited to the modules. People whose windows are the
 * same (one calendar zone) share one range condition; the outer `at` range lets the planner use an
 * index on `at`.
 */
export function windowedEvents(windows: UserWindow[], moduleIds: string[], extra: SQL): SQL {
  const starts = Math.min(...windows.map((w) => w.start.getTime()));
  const ends = Math.max(...windows.map((w) => w.end.getTime()));
  const byBounds = new Map<string, { start: Date; end: Date; keys: string[] }>();
  for (const w of windows) {
    const bounds = `${w.start.toISOString()} ${w.end.toISOString()}`;
    const same = byBounds.get(bounds) ?? { start: w.start, end: w.end, keys: [] };
    same.keys.push(w.key);
    byBounds.set(bounds, same);
  }
  const within = sql.join(
    [...byBounds.values()].map(
      (b) =>
        sql`(r.at >= ${b.start.toISOString()}::timestamptz and r.at < ${b.end.toISOString()}::timestamptz and coalesce(r.user_id, ${unassignedKey}::uuid) in (${list(b.keys, "uuid")}))`,
    ),
    sql` or `,
  );
  return sql`report_events r
    where r.at >= ${new Date(starts).toISOString()}::timestamptz and r.at < ${new Date(ends).toISOString()}::timestamptz
      and (${within})
      and r.module_id in (${list(moduleIds, "uuid")})
      and ${extra}`;
}

/** An email counts once it was delivered: queued, failed and kept-in-outbox ones were not sent. */
export const sentEmail = sql`r.kind = 'email' and exists (select 1 from emails e where e.id = r.email_id and e.state = 'sent')`;

export type EmailRow = { user_key: string | null; module_id: string; by_automation: boolean; n: number };

export function sentEmails(db: Db, windows: UserWindow[], moduleIds: string[]): Promise<EmailRow[]> {
  return queryRows<EmailRow>(
    db,
    sql`select r.user_id::text as user_key, r.module_id::text as module_id, r.by_automation, count(*)::int as n
        from ${windowedEvents(windows, moduleIds, sentEmail)}
        group by 1, 2, 3`,
  );
}

export type OverdueRow = { user_key: string; module_id: string; n: number };

/**
 * Todos overdue when the period ended (or now, for a period still running): open todos due before it,
 * and todos completed late, only after it.
 */
export function overdueAtEnd(db: Db, windows: UserWindow[], moduleIds: string[], now: Date): Promise<OverdueRow[]> {
  const people = windows.filter((w) => w.key !== unassignedKey).map((w) => ({ key: w.key, end: new Date(Math.min(w.end.getTime(), now.getTime())) }));
  if (people.length === 0) return Promise.resolve([]);
  const values = sql.join(
    people.map((p) => sql`(${p.key}::uuid, ${p.end.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const earliest = new Date(Math.min(...people.map((p) => p.end.getTime()))).toISOString();
  const latest = new Date(Math.max(...people.map((p) => p.end.getTime()))).toISOString();
  const modules = list(moduleIds, "uuid");
  return queryRows<OverdueRow>(
    db,
    sql`with w(user_key, e) as (values ${values})
        select user_key::text, module_id::text, sum(n)::int as n from (
          select t.assignee_id as user_key, t.module_id, count(*) as n
          from todos t join w on t.assignee_id = w.user_key
          where t.completed_at is null and t.deleted_at is null and t.deadline < ${latest}::timestamptz
            and t.deadline < w.e and t.created_at < w.e and t.module_id in (${modules})
          group by 1, 2
          union all
          select r.user_id, r.module_id, count(*)
          from report_events r join w on r.user_id = w.user_key
          where r.kind = 'todo_done' and r.at > r.deadline and r.at >= ${earliest}::timestamptz
            and r.at >= w.e and r.deadline < w.e and r.module_id in (${modules})
          group by 1, 2
        ) o group by 1, 2`,
  );
}
