import { asc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { currencyRates } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { loadCalendars } from "@/lib/automations/timing";
import { getOrganisation } from "@/lib/org/organisation";
import { periodBounds, presetPeriod, previousPeriod, todayIn, type Period } from "./period";
import {
  bucketMedian,
  coverPeriod,
  foldRollups,
  overdueAtEnd,
  rollupCounts,
  rollupExits,
  sentEmails,
  unassignedKey,
  weeklyTrend,
  type Counted,
  type ExitRow,
  type RollupRow,
  type UserWindow,
} from "./report-facts";
import type { ReportInput } from "./report-input";
import { resolveReportScope, type ReportModule, type ReportScope } from "./report-scope";

export const metricKeys = [
  "created",
  "statusChanges",
  "won",
  "wonValue",
  "lost",
  "lostValue",
  "todosOnTime",
  "todosLate",
  "overdueAtEnd",
  "emailsByHand",
  "emailsByAutomation",
  "automationSteps",
] as const;
export type MetricKey = (typeof metricKeys)[number];
export type Metrics = Record<MetricKey, number>;
const zero = (): Metrics => Object.fromEntries(metricKeys.map((k) => [k, 0])) as Metrics;
const add = (into: Metrics, from: Metrics) => {
  for (const k of metricKeys) into[k] += from[k];
};

export type ReportRow = {
  key: string;
  name: string;
  deactivated: boolean;
  groupIds: string[];
  metrics: Metrics;
  previous?: Metrics;
};
export type RateUsed = {
  currency: string;
  month: string;
  rate: number;
  rateMonth: string;
};
export type FunnelStep = {
  statusId: string;
  name: string;
  group: string;
  color: string;
  cards: number;
  fromPrevious: number | null;
};
export type ModuleFunnel = {
  moduleId: string;
  name: string;
  steps: FunnelStep[];
  createdToWon: number | null;
};
export type Dwell = {
  moduleId: string;
  statusId: string;
  name: string;
  exits: number;
  avgHours: number;
  medianHours: number;
};
export type TrendWeek = {
  week: string;
  created: number;
  statusChanges: number;
  won: number;
  lost: number;
  todosDone: number;
};

export type Report = {
  period: Period;
  previous: Period | null;
  timeZone: string;
  currency: string;
  scope: ReportScope;
  rows: ReportRow[];
  groups: {
    id: string;
    name: string;
    members: number;
    metrics: Metrics;
    previous?: Metrics;
  }[];
  modules: { id: string; name: string; metrics: Metrics }[];
  totals: Metrics;
  previousTotals: Metrics | null;
  funnels: ModuleFunnel[];
  dwell: Dwell[];
  trend: TrendWeek[];
  rates: RateUsed[];
  /** Currencies (and months) with no rate: their money is left out of the values, and the report says so. */
  missingRates: { currency: string; month: string }[];
};

/** The period the input asks for, on the organisation's calendar. */
export function reportPeriod(input: ReportInput, now: Date, timeZone: string): Period {
  return input.period === "custom" ? { from: input.from!, to: input.to! } : presetPeriod(input.period, todayIn(now, timeZone));
}

export type Converter = {
  convert: (amount: number, currency: string, month: string) => number | null;
  used: Map<string, RateUsed>;
  missing: Map<string, { currency: string; month: string }>;
};

/** Money into the reporting currency with the admin's rates: a month's own rate, else the latest before it. */
export async function converter(db: Db, currency: string, seen: (string | null)[]): Promise<Converter> {
  const currencies = [...new Set(seen.filter((c): c is string => Boolean(c) && c !== currency))];
  const rates = currencies.length
    ? await db.select().from(currencyRates).where(inArray(currencyRates.currency, currencies)).orderBy(asc(currencyRates.currency), asc(currencyRates.month))
    : [];
  const used = new Map<string, RateUsed>();
  const missing = new Map<string, { currency: string; month: string }>();
  return {
    used,
    missing,
    convert(amount, from, month) {
      if (from === currency) return amount;
      const first = `${month}-01`;
      const rate = rates.filter((r) => r.currency === from && r.month <= first).at(-1);
      if (!rate) {
        missing.set(`${from} ${month}`, { currency: from, month });
        return null;
      }
      used.set(`${from} ${month}`, {
        currency: from,
        month,
        rate: rate.rate,
        rateMonth: rate.month.slice(0, 7),
      });
      return amount * rate.rate;
    },
  };
}

type Measured = {
  byUser: Map<string, Metrics>;
  byModule: Map<string, Metrics>;
  /** Per status (status ids are unique across modules): how many times cards entered it. */
  entered: Map<string, number>;
};

/** Per status cards left: how many moves out, the average time spent (exact) and the median (from the buckets). */
function dwellOf(exits: ExitRow[], statusName: Map<string, { moduleId: string; name: string }>): Dwell[] {
  const byStatus = new Map<string, ExitRow[]>();
  for (const e of exits) byStatus.set(e.status_id, [...(byStatus.get(e.status_id) ?? []), e]);
  return [...byStatus.entries()].flatMap(([statusId, buckets]) => {
    const status = statusName.get(statusId);
    const n = buckets.reduce((sum, b) => sum + b.n, 0);
    if (!status || n <= 0) return [];
    const seconds = buckets.reduce((sum, b) => sum + b.dwell_s, 0);
    return [
      { moduleId: status.moduleId, statusId, name: status.name, exits: n, avgHours: seconds / n / 3600, medianHours: (bucketMedian(buckets) ?? 0) / 3600 },
    ];
  });
}

/** Folds the rollup counts, sent emails and overdue todos into metrics per user and per module. */
function foldCounts(
  rows: RollupRow[],
  emails: { user_key: string | null; module_id: string; by_automation: boolean; n: number }[],
  overdue: { user_key: string; module_id: string; n: number }[],
  money: Converter,
): Measured {
  const measured: Measured = { byUser: new Map(), byModule: new Map(), entered: new Map() };
  const hit = (user: string | null, moduleId: string, metric: MetricKey, n: number) => {
    for (const [map, key] of [
      [measured.byUser, user ?? unassignedKey],
      [measured.byModule, moduleId],
    ] as const) {
      const m = map.get(key) ?? zero();
      m[metric] += n;
      map.set(key, m);
    }
  };
  for (const r of rows) {
    if (r.kind === "created" || r.kind === "status") {
      hit(r.user_key, r.module_id, r.kind === "created" ? "created" : "statusChanges", r.n);
      if (r.status_id) measured.entered.set(r.status_id, (measured.entered.get(r.status_id) ?? 0) + r.n);
      if (r.to_group === "won" || r.to_group === "lost") {
        hit(r.user_key, r.module_id, r.to_group, r.n);
        const value = r.amount && r.currency ? money.convert(r.amount, r.currency, r.month) : null;
        if (value !== null) hit(r.user_key, r.module_id, r.to_group === "won" ? "wonValue" : "lostValue", value);
      }
    }
    if (r.kind === "todo_done") hit(r.user_key, r.module_id, r.late ? "todosLate" : "todosOnTime", r.n);
    if (r.kind === "step") hit(r.user_key, r.module_id, "automationSteps", r.n);
  }
  for (const e of emails) hit(e.user_key, e.module_id, e.by_automation ? "emailsByAutomation" : "emailsByHand", e.n);
  for (const o of overdue) hit(o.user_key, o.module_id, "overdueAtEnd", o.n);
  return measured;
}

/** Each counted person's period on their own calendar (and the organisation's for unowned cards). */
function windowsFor(scope: ReportScope, period: Period, zoneOf: (userId: string | null) => string): UserWindow[] {
  const keys: (string | null)[] = [...scope.users.map((u) => u.id), ...(scope.unassigned ? [null] : [])];
  return keys.map((id) => ({ key: id ?? unassignedKey, ...periodBounds(period, zoneOf(id)) }));
}

/** A period's numbers: the counts from the rollups, sent emails and overdue todos from the events. */
async function measure(db: Db, counted: Counted, period: Period, windows: UserWindow[], currency: string, now: Date) {
  const [rows, emails, overdue] = await Promise.all([
    rollupCounts(db, coverPeriod(period), counted),
    sentEmails(db, windows, counted.moduleIds),
    overdueAtEnd(db, windows, counted.moduleIds, now),
  ]);
  const money = await converter(
    db,
    currency,
    rows.map((r) => r.currency),
  );
  return { ...foldCounts(rows, emails, overdue, money), money };
}

/** The report's reads, on one snapshot. JIT compiling costs these short aggregates more than it saves. */
export function readTogether<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The median sorts a quarter's moves per status: in memory, not on disk.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return read(tx);
  });
}

/**
 * The funnel walks the open statuses in their order and then into won: each step's share of the step
 * before. Lost (and any later closed status) is shown with its count only: it is an exit, not a step.
 */
function funnelsOf(modules: ReportModule[], entered: Map<string, number>): ModuleFunnel[] {
  return modules.map((m) => {
    const cards = (statusId: string) => entered.get(statusId) ?? 0;
    const open = m.statuses.filter((s) => s.group === "open");
    const lastOpen = open.at(-1);
    const steps = m.statuses.map((s) => {
      const entered = cards(s.id);
      const i = open.indexOf(s);
      const before = i > 0 ? open[i - 1] : s.group === "won" ? lastOpen : undefined;
      const base = before ? cards(before.id) : 0;
      return {
        statusId: s.id,
        name: s.name,
        group: s.group,
        color: s.color,
        cards: entered,
        fromPrevious: base ? entered / base : null,
      };
    });
    const first = steps[0]?.cards ?? 0;
    const won = steps.filter((s) => s.group === "won").reduce((sum, s) => sum + s.cards, 0);
    return {
      moduleId: m.id,
      name: m.name,
      steps,
      createdToWon: first ? won / first : null,
    };
  });
}

/** What every report question needs first: who and what it may count, the period, and each person's window. */
export async function prepareReport(ctx: Ctx, input: ReportInput) {
  const scope = await resolveReportScope(ctx.db, ctx.actor, input);
  const [org, calendars] = await Promise.all([
    getOrganisation(ctx.db),
    loadCalendars(
      ctx.db,
      scope.users.map((u) => u.id),
    ),
  ]);
  const zoneOf = (userId: string | null) => calendars(userId).timeZone;
  const timeZone = zoneOf(null); // the organisation's
  const period = reportPeriod(input, ctx.now, timeZone);
  return {
    scope,
    timeZone,
    currency: org?.reportCurrency ?? "HUF",
    period,
    windows: (p: Period) => windowsFor(scope, p, zoneOf),
    moduleIds: scope.modules.map((m) => m.id),
    counted: { userIds: scope.users.map((u) => u.id), unassigned: scope.unassigned, moduleIds: scope.modules.map((m) => m.id) } satisfies Counted,
  };
}

/**
 * A period report (SPEC §12): per salesperson, group and module, with the funnel, time in status and the
 * weekly trend. Everything the page, its charts and the CSV show comes from here.
 */
export async function buildReport(ctx: Ctx, input: ReportInput): Promise<Report> {
  const { scope, timeZone, currency, period, windows: windowsOf, counted } = await prepareReport(ctx, input);
  const previous = input.compare ? previousPeriod(period) : null;
  const windows = windowsOf(period);
  const nothing: Measured & { money: Converter | null } = { byUser: new Map(), byModule: new Map(), entered: new Map(), money: null };
  const empty = counted.moduleIds.length === 0 || windows.length === 0;
  if (!empty) await foldRollups(ctx.db);
  const [current, before, trendRows, exits] = empty
    ? [nothing, null, [], []]
    : await readTogether(ctx.db, (db) =>
        Promise.all([
          measure(db, counted, period, windows, currency, ctx.now),
          previous ? measure(db, counted, previous, windowsOf(previous), currency, ctx.now) : null,
          weeklyTrend(db, coverPeriod(period, { months: false }), counted),
          rollupExits(db, coverPeriod(period), counted),
        ]),
      );
  const money = current.money;

  const rows: ReportRow[] = scope.users.map((u) => ({
    key: u.id,
    name: u.name,
    deactivated: u.deactivated,
    groupIds: u.groupIds,
    metrics: current.byUser.get(u.id) ?? zero(),
    ...(before ? { previous: before.byUser.get(u.id) ?? zero() } : {}),
  }));
  // Deactivated colleagues stay listed only where they have numbers: their history stays theirs.
  const shown = rows.filter((r) => !r.deactivated || metricKeys.some((k) => r.metrics[k] || r.previous?.[k]));
  if (scope.unassigned) {
    const metrics = current.byUser.get(unassignedKey) ?? zero();
    if (metricKeys.some((k) => metrics[k]))
      shown.push({
        key: unassignedKey,
        name: "",
        deactivated: false,
        groupIds: [],
        metrics,
      });
  }
  const totals = zero();
  for (const r of shown) add(totals, r.metrics);
  const previousTotals = before ? zero() : null;
  if (before && previousTotals) for (const m of before.byUser.values()) add(previousTotals, m);

  const groups = scope.groups.map((g) => {
    const members = shown.filter((r) => r.groupIds.includes(g.id));
    const metrics = zero();
    const prev = zero();
    for (const r of members) {
      add(metrics, r.metrics);
      if (r.previous) add(prev, r.previous);
    }
    return {
      id: g.id,
      name: g.name,
      members: members.length,
      metrics,
      ...(before ? { previous: prev } : {}),
    };
  });

  const statusName = new Map(scope.modules.flatMap((m) => m.statuses.map((s) => [s.id, { moduleId: m.id, name: s.name }] as const)));
  const trend = new Map<string, TrendWeek>();
  for (const r of trendRows) {
    const w = trend.get(r.week) ?? {
      week: r.week,
      created: 0,
      statusChanges: 0,
      won: 0,
      lost: 0,
      todosDone: 0,
    };
    if (r.kind === "created") w.created += r.n;
    if (r.kind === "status") w.statusChanges += r.n;
    if ((r.kind === "created" || r.kind === "status") && r.to_group === "won") w.won += r.n;
    if ((r.kind === "created" || r.kind === "status") && r.to_group === "lost") w.lost += r.n;
    if (r.kind === "todo_done") w.todosDone += r.n;
    trend.set(r.week, w);
  }

  return {
    period,
    previous,
    timeZone,
    currency,
    scope,
    rows: shown,
    groups,
    modules: scope.modules.map((m) => ({
      id: m.id,
      name: m.name,
      metrics: current.byModule.get(m.id) ?? zero(),
    })),
    totals,
    previousTotals,
    funnels: funnelsOf(scope.modules, current.entered),
    dwell: dwellOf(exits, statusName),
    trend: [...trend.values()].sort((a, b) => a.week.localeCompare(b.week)),
    rates: [...(money?.used.values() ?? [])].sort((a, b) => a.currency.localeCompare(b.currency) || a.month.localeCompare(b.month)),
    missingRates: [...(money?.missing.values() ?? [])],
  };
}
