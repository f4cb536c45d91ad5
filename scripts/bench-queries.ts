/**
 * Times the real query functions (through Drizzle on postgres.js, as the app runs them) and, for
 * the ones over target, captures their SQL and prints EXPLAIN (ANALYZE, BUFFERS).
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";

export type QueryCase = {
  key: string;
  label: string;
  /** Target p95 in ms (or a function of the other results). */
  target: number | ((results: Map<string, CaseResult>) => number);
  run: (db: Db) => Promise<unknown>;
};
export type CaseResult = { key: string; label: string; runs: number; p50: number; p95: number; max: number; target: number; rows?: string };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Warm-up, then up to `runs` timed runs, sorted. A very slow case stops early (after `budgetMs`,
 * with at least 5 runs), so one bad query cannot stretch the whole benchmark.
 */
export async function timeCase(db: Db, c: QueryCase, { runs, warmup, budgetMs = 20_000 }: { runs: number; warmup: number; budgetMs?: number }): Promise<number[]> {
  const warmStart = performance.now();
  for (let i = 0; i < warmup && (i === 0 || performance.now() - warmStart < budgetMs / 4); i++) await c.run(db);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs && (i < 5 || performance.now() - start < budgetMs); i++) {
    const t = performance.now();
    await c.run(db);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** Runs a case once on an instrumented connection and returns EXPLAIN ANALYZE of every SELECT it sent. */
export async function explainCase(url: string, c: QueryCase): Promise<string> {
  const captured: { query: string; params: unknown[] }[] = [];
  const client = postgres(url, { max: 1, onnotice: () => {}, debug: (_conn, query, params) => captured.push({ query, params: params as unknown[] }) });
  try {
    const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
    await c.run(db);
    const out: string[] = [];
    for (const { query, params } of captured.filter((q) => /^\s*(select|with|\()/i.test(q.query) && !q.query.includes("pg_catalog"))) {
      const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[]);
      out.push(`-- ${query.replace(/\s+/g, " ").slice(0, 400)}${query.length > 400 ? " …" : ""}`);
      out.push(plan.map((r) => (r as Record<string, string>)["QUERY PLAN"]).join("\n"));
    }
    return out.join("\n");
  } finally {
    await client.end();
  }
}

export const actorOf = (u: { id: string; email: string; firstName: string; lastName: string; role: schema.Role; groupIds: string[] }): Actor => ({
  id: u.id,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
  role: u.role,
  locale: "en",
  groupIds: u.groupIds,
});

export type ActivitySample = { query: string; maxMs: number; samples: number };

/**
 * Polls pg_stat_activity of one database every 100 ms and keeps, per statement text, the longest
 * time it was seen running: which queries an HTTP page spends its time in.
 */
export function sampleActivity(sql: postgres.Sql, database: string): { stop: () => Promise<ActivitySample[]> } {
  const seen = new Map<string, ActivitySample>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await sql<{ ms: number; query: string }[]>`
        select (extract(epoch from clock_timestamp() - query_start) * 1000)::float8 as ms, query
        from pg_stat_activity
        where datname = ${database} and state = 'active' and pid <> pg_backend_pid()`;
      for (const { ms, query } of rows) {
        const key = query.replace(/\s+/g, " ").trim().slice(0, 300);
        const s = seen.get(key) ?? { query: key, maxMs: 0, samples: 0 };
        s.maxMs = Math.max(s.maxMs, ms);
        s.samples++;
        seen.set(key, s);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...seen.values()].sort((a, b) => b.maxMs - a.maxMs);
    },
  };
}
