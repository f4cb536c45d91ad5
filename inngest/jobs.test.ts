import { createHmac } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, jobs } from "@/db/schema";
import { emailJobKey, queueEmails } from "@/lib/email/queue-email";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { JobHandler } from "@/lib/jobs/types";
import { createTestDb, testDbKind } from "@/test/db";
import { createJobFunctions, jobDueEvent } from "./jobs";

const t0 = new Date("2026-05-04T10:00:00Z");
const canonical = (v: unknown): string =>
  v && typeof v === "object" && !Array.isArray(v)
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`
    : Array.isArray(v)
      ? `[${v.map(canonical).join(",")}]`
      : JSON.stringify(v);
let now = t0;
const clock = { now: () => now };

describe(`Inngest functions drive the job rows (${testDbKind})`, async () => {
  const db = await createTestDb();
  const ran: string[] = [];
  const failOnce = new Set(["flaky"]);
  const handlers: Record<string, JobHandler> = {
    k: async ({ job }) => {
      ran.push(job.key!);
      if (failOnce.delete(job.key!)) return { retry: "once more" };
      return { done: true };
    },
  };
  const { runJob, sweepJobs } = createJobFunctions({ getDb: async () => db, clock, handlers });
  const state = async (key: string) => (await db.select().from(jobs).where(eq(jobs.key, key)))[0];

  it("run-job sleeps until due (the step by its id), then claims and runs that job once", async () => {
    await enqueueJobs(db, [{ kind: "k", key: "one", dueAt: t0 }], t0);
    const sleeps: unknown[] = [];
    const t = new InngestTestEngine({ function: runJob, events: [{ name: jobDueEvent, data: { key: "one", dueAt: t0.toISOString() } }] });
    const { result } = await t.execute({ steps: [{ id: "wait-until-due", handler: (...args: unknown[]) => void sleeps.push(args) }] });
    expect(result).toMatchObject({ ran: true, outcome: { done: true }, state: "done" });
    expect(sleeps).toHaveLength(1);
    expect(ran).toEqual(["one"]);
    expect((await state("one")).state).toBe("done");
    // The same event again (or the embedded runner got there first): nothing runs twice.
    const again = await new InngestTestEngine({ function: runJob, events: [{ name: jobDueEvent, data: { key: "one", dueAt: t0.toISOString() } }] }).execute({
      steps: [{ id: "wait-until-due", handler: () => {} }],
    });
    expect(again.result).toEqual({ ran: false });
    expect(ran).toEqual(["one"]);
  });

  it("a retry sleeps until the job's new due time and runs again", async () => {
    ran.length = 0;
    await enqueueJobs(db, [{ kind: "k", key: "flaky", dueAt: t0 }], t0);
    const t = new InngestTestEngine({ function: runJob, events: [{ name: jobDueEvent, data: { key: "flaky", dueAt: t0.toISOString() } }] });
    const { result } = await t.execute({
      steps: [
        { id: "wait-until-due", handler: () => {} },
        {
          id: "wait-until-due-1",
          handler: async () => {
            now = (await state("flaky")).dueAt; // time passes until the back-off is over
          },
        },
      ],
    });
    expect(ran).toEqual(["flaky", "flaky"]);
    expect(result).toMatchObject({ ran: true, state: "done" });
    expect(await state("flaky")).toMatchObject({ state: "done", attempts: 2 });
  });

  it("the cron sweep runs whatever is due and unclaimed", async () => {
    ran.length = 0;
    await enqueueJobs(db, [{ kind: "k", key: "s1", dueAt: t0 }, { kind: "k", key: "s2", dueAt: t0 }, { kind: "k", key: "future", dueAt: new Date(now.getTime() + 3_600_000) }], t0);
    const { result } = await new InngestTestEngine({ function: sweepJobs }).execute();
    expect(result).toEqual({ ran: 2 });
    expect(ran.sort()).toEqual(["s1", "s2"]);
    expect((await state("future")).state).toBe("pending");
  });

  describe("/api/inngest", () => {
    const signingKey = "signkey-test-0123456789abcdef0123456789abcdef";
    const saved = { key: process.env.INNGEST_SIGNING_KEY, eventKey: process.env.INNGEST_EVENT_KEY, dev: process.env.INNGEST_DEV };
    afterAll(() => {
      for (const [k, v] of [["INNGEST_SIGNING_KEY", saved.key], ["INNGEST_EVENT_KEY", saved.eventKey], ["INNGEST_DEV", saved.dev]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      (globalThis as { __crmDb?: unknown }).__crmDb = undefined;
    });

    const call = async (signed: boolean | "wrong") => {
      process.env.INNGEST_SIGNING_KEY = signingKey;
      process.env.INNGEST_EVENT_KEY = "event-key-test";
      delete process.env.INNGEST_DEV;
      // The route's functions use the app's shared connection: point it at this test's database.
      (globalThis as { __crmDb?: unknown }).__crmDb = Promise.resolve({ db: db as Db, close: async () => {}, kind: testDbKind });
      const { POST } = await import("@/app/api/inngest/route");
      // Inngest signs the canonical JSON (RFC 8785: keys sorted, no spaces) of the body, then the timestamp.
      const body = canonical({
        event: { name: "inngest/scheduled.timer", data: { cron: "* * * * *" } },
        events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
        steps: {},
        ctx: { run_id: "01TESTRUN", attempt: 0, fn_id: "realtime-crm-sweep-jobs", stack: { stack: [], current: 0 }, disable_immediate_execution: false, use_api: false },
        version: 1,
      });
      const ts = String(Math.round(Date.now() / 1000));
      const key = signed === "wrong" ? "0000" : signingKey.replace(/^signkey-\w+-/, "");
      const signature = createHmac("sha256", key).update(body + ts).digest("hex");
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (signed) headers["x-inngest-signature"] = `t=${ts}&s=${signature}`;
      const request = new Request("http://localhost/api/inngest?fnId=realtime-crm-sweep-jobs&stepId=step", { method: "POST", headers, body });
      const res = await (POST as unknown as (r: Request, ctx: unknown) => Promise<Response>)(request, {});
      return { status: res.status, text: await res.text() };
    };

    it("a request signed with INNGEST_SIGNING_KEY is executed; an unsigned or wrongly signed one is refused", async () => {
      // The route serves the app's functions with the app's handlers: a real email job (no transport → outbox).
      const [emailId] = await queueEmails(db, [{ kind: "system", toAddress: "route@example.com", subject: "s", html: "<p>h</p>", text: "h" }], t0);
      const viaRoute = emailJobKey(emailId);
      const unsigned = await call(false);
      expect(unsigned.status).toBe(401);
      const wrong = await call("wrong");
      expect(wrong.status).toBe(401);
      expect((await state(viaRoute)).state).toBe("pending");
      const signed = await call(true);
      expect(signed.status, signed.text).toBeLessThan(300);
      expect((await state(viaRoute)).state).toBe("done");
      expect((await db.select().from(emails).where(eq(emails.id, emailId)))[0].state).toBe("outbox");
    });
  });
});
