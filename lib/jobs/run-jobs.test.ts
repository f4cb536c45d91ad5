import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { openDb } from "@/db/client";
import { createTestDb, createTestPostgres, testDbKind } from "@/test/db";
import { enqueueJobs } from "./enqueue";
import { JobRunner } from "./job-runner";
import { backoffMs, claimJobs, nextWakeAt, runClaimedJob, runDueJobs } from "./run-jobs";
import type { JobHandler, JobOutcome } from "./types";

const t0 = new Date("2026-05-04T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fakeClock(start = t0) {
  let now = start;
  return { now: () => now, set: (d: Date) => void (now = d), advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

const jobByKey = async (db: Db, key: string) => (await db.select().from(jobs).where(eq(jobs.key, key)))[0];

describe(`job runner (${testDbKind})`, () => {
  it("claims only due jobs, in due order, each once; the claim counts an attempt and leases the row", async () => {
    const db = await createTestDb();
    await enqueueJobs(db, [{ kind: "k", key: "a", dueAt: at(0) }, { kind: "k", key: "b", dueAt: at(-1000) }, { kind: "k", key: "later", dueAt: at(60_000) }], t0);
    await enqueueJobs(db, [{ kind: "k", key: "a", dueAt: at(-5000), payload: { second: true } }], t0); // same key: ignored
    const claimed = await claimJobs(db, { now: t0, limit: 10, leaseMs: 120_000, runnerId: "r1" });
    expect(claimed.map((j) => j.key)).toEqual(["b", "a"]);
    expect(claimed[1].payload).toEqual({});
    expect(claimed.every((j) => j.state === "running" && j.attempts === 1 && j.lockedBy === "r1")).toBe(true);
    expect(claimed[0].lockedUntil?.getTime()).toBe(at(120_000).getTime());
    expect(await claimJobs(db, { now: t0, limit: 10, runnerId: "r2" })).toEqual([]);
    expect((await claimJobs(db, { now: at(60_000), limit: 10, runnerId: "r2" })).map((j) => j.key)).toEqual(["later"]);
  });

  it("an expired lease is reclaimed by another runner, and the dead runner's late outcome is ignored", async () => {
    const db = await createTestDb();
    await enqueueJobs(db, [{ kind: "k", key: "x" }], t0);
    const [first] = await claimJobs(db, { now: t0, limit: 1, leaseMs: 10_000, runnerId: "dead" });
    expect(await claimJobs(db, { now: at(9_999), limit: 1, runnerId: "r2" })).toEqual([]);
    const [again] = await claimJobs(db, { now: at(10_001), limit: 1, leaseMs: 10_000, runnerId: "r2" });
    expect(again.id).toBe(first.id);
    expect(again.attempts).toBe(2);
    const clock = fakeClock(at(10_002));
    // The dead runner wakes up and reports "failed": fenced out, the row stays r2's.
    await runClaimedJob({ db, clock, handlers: { k: async () => ({ failed: "late" }) }, runnerId: "dead" }, first);
    expect((await jobByKey(db, "x")).state).toBe("running");
    await runClaimedJob({ db, clock, handlers: { k: async () => ({ done: true }) }, runnerId: "r2" }, again);
    const row = await jobByKey(db, "x");
    expect(row.state).toBe("done");
    expect(row.finishedAt?.getTime()).toBe(at(10_002).getTime());
    expect(row.lockedBy).toBeNull();
  });

  it("retries with exponential back-off and jitter, fails after maxAttempts, and a 429 does not burn attempts", async () => {
    expect(backoffMs(1, () => 0)).toBe(5_000);
    expect(backoffMs(1, () => 1)).toBe(10_000);
    expect(backoffMs(3, () => 1)).toBe(40_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);

    const db = await createTestDb();
    const clock = fakeClock();
    let calls = 0;
    const outcomes: JobOutcome[] = [{ retry: "boom" }, { retry: "slow down", at: at(120_000), rateLimited: true }];
    const handler: JobHandler = async () => {
      calls++;
      const next = outcomes.shift();
      if (next) return next;
      throw new Error("still broken");
    };
    await enqueueJobs(db, [{ kind: "k", key: "r", maxAttempts: 3 }], t0);
    const opts = { db, clock, handlers: { k: handler }, random: () => 1 };

    expect(await runDueJobs(opts)).toBe(1);
    let row = await jobByKey(db, "r");
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastError: "boom" });
    expect(row.dueAt.getTime()).toBe(at(10_000).getTime());
    expect(await runDueJobs(opts)).toBe(0); // not due yet
    expect((await nextWakeAt(db))?.getTime()).toBe(at(10_000).getTime());

    clock.set(at(10_000));
    await runDueJobs(opts); // 429: Retry-After honoured, attempt given back
    row = await jobByKey(db, "r");
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastError: "slow down" });
    expect(row.dueAt.getTime()).toBe(at(120_000).getTime());

    clock.set(at(120_000));
    await runDueJobs(opts); // a thrown error counts as a retry: attempt 2, back-off 20 s
    row = await jobByKey(db, "r");
    expect(row).toMatchObject({ state: "pending", attempts: 2, lastError: "still broken" });
    expect(row.dueAt.getTime()).toBe(at(140_000).getTime());

    clock.set(at(140_000));
    await runDueJobs(opts); // attempt 3 of 3: failed for good
    row = await jobByKey(db, "r");
    expect(row).toMatchObject({ state: "failed", attempts: 3, lastError: "still broken" });
    expect(calls).toBe(4);
    clock.set(at(10_000_000));
    expect(await runDueJobs(opts)).toBe(0);
  });

  it("a job without a handler fails with a reason; a handler's { failed } is final", async () => {
    const db = await createTestDb();
    await enqueueJobs(db, [{ kind: "nobody", key: "n" }, { kind: "k", key: "f" }], t0);
    await runDueJobs({ db, clock: fakeClock(), handlers: { k: async () => ({ failed: "refused" }) } });
    expect(await jobByKey(db, "n")).toMatchObject({ state: "failed", lastError: 'no handler for job kind "nobody"' });
    expect(await jobByKey(db, "f")).toMatchObject({ state: "failed", lastError: "refused", attempts: 1 });
  });

  it("keeps several jobs in flight (bounded), and runs jobs that jobs enqueue", async () => {
    const db = await createTestDb();
    await enqueueJobs(db, Array.from({ length: 20 }, (_, i) => ({ kind: "slow", key: `s${i}` })), t0);
    let inFlight = 0;
    let peak = 0;
    const handlers: Record<string, JobHandler> = {
      slow: async ({ db, job }) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        if (job.key === "s0") await enqueueJobs(db, [{ kind: "slow", key: "child" }], t0);
        return { done: true };
      },
    };
    expect(await runDueJobs({ db, clock: fakeClock(), handlers, concurrency: 4 })).toBe(21);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(4);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(eq(jobs.state, "done"));
    expect(n).toBe(21);
  });

  it("the embedded runner wakes on jobsEnqueued and at the next due time, and stops cleanly", async () => {
    const db = await createTestDb();
    const clock = { now: () => new Date() };
    const ran: string[] = [];
    const runner = new JobRunner({ db, clock, handlers: { k: async ({ job }) => (ran.push(job.key!), { done: true }) } }, 200);
    runner.start();
    await runner.idle();
    const { jobsEnqueued } = await import("./wake");
    const now = new Date();
    await enqueueJobs(db, [{ kind: "k", key: "now", dueAt: now }, { kind: "k", key: "soon", dueAt: new Date(now.getTime() + 150) }], now);
    jobsEnqueued([{ kind: "k", dueAt: now, key: "now" }]);
    await runner.idle();
    expect(ran).toEqual(["now"]);
    await expect.poll(() => ran, { timeout: 3_000 }).toEqual(["now", "soon"]);
    await runner.stop();
    await enqueueJobs(db, [{ kind: "k", key: "after-stop" }], new Date());
    jobsEnqueued();
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toEqual(["now", "soon"]);
  });
});

describe.runIf(testDbKind === "postgres")("two runners racing (PostgreSQL)", () => {
  it("run 200 jobs between them, each exactly once", async () => {
    const { db, url } = await createTestPostgres();
    const second = await openDb(url); // a second pool: really concurrent transactions
    try {
      await enqueueJobs(db, Array.from({ length: 200 }, (_, i) => ({ kind: "count", key: `c${i}` })), t0);
      const runs = new Map<string, string[]>();
      const handler =
        (name: string): JobHandler =>
        async ({ job }) => {
          runs.set(job.key!, [...(runs.get(job.key!) ?? []), name]);
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          return { done: true };
        };
      const clock = fakeClock();
      const [a, b] = await Promise.all([
        runDueJobs({ db, clock, handlers: { count: handler("a") }, runnerId: "a" }),
        runDueJobs({ db: second.db, clock, handlers: { count: handler("b") }, runnerId: "b" }),
      ]);
      expect(a + b).toBe(200);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      expect(runs.size).toBe(200);
      expect([...runs.values()].filter((r) => r.length !== 1)).toEqual([]);
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(eq(jobs.state, "done"));
      expect(n).toBe(200);
    } finally {
      await second.close();
    }
  });
});
