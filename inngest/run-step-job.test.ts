import { createHash, createHmac } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { automationStepRuns, todos } from "@/db/schema";
import { stepRunJobKey } from "@/lib/automations/jobs";
import { seedAutomation, seedStepRuns } from "@/lib/automations/test-step-runs";
import { seedEmailCard } from "@/lib/email/test-fixtures";
import { cancelJobs } from "@/lib/jobs/cancel";
import { jobHandlers } from "@/lib/jobs/handlers";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { createJobFunctions, jobCancelledEvent, jobDueEvent } from "./jobs";

const dueAt = new Date("2026-05-04T08:00:00Z");
const clock = { now: () => new Date("2026-05-04T08:00:01Z") };

/** RFC 8785-style canonical JSON (keys sorted, no spaces): what Inngest signs. */
const canonical = (v: unknown): string =>
  v && typeof v === "object" && !Array.isArray(v)
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`
    : Array.isArray(v)
      ? `[${v.map(canonical).join(",")}]`
      : JSON.stringify(v);

describe(`Inngest's run-job drives automation step runs (${testDbKind})`, async () => {
  const db: Db = await createTestDb();
  const { runJob } = createJobFunctions({ getDb: async () => db, clock, handlers: jobHandlers });
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  async function dueTodoStep() {
    const { card } = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id });
    const { automation, steps } = await seedAutomation(db, { moduleId: crm.module.id, statusId: crm.statuses.offer.id }, [{ kind: "todo_user", recipient: "card_owner", todoText: "Call" }]);
    const { stepRunIds } = await seedStepRuns(db, { automationId: automation.id, stepIds: [steps[0].id], cardIds: [card.id], dueAt });
    return { card, stepRunId: stepRunIds[0], key: stepRunJobKey(stepRunIds[0]) };
  }
  const dueEvent = (key: string) => ({ name: jobDueEvent, data: { key, dueAt: dueAt.toISOString() } });
  const stepRunState = async (id: string) => (await db.select({ state: automationStepRuns.state }).from(automationStepRuns).where(eq(automationStepRuns.id, id)))[0].state;

  it("is registered to stop when its job's cancellation event (same key) arrives", () => {
    // What the SDK registers with Inngest for the function (its private getConfig: @inngest/test does not simulate cancelOn).
    const [config] = (runJob as unknown as { getConfig: (o: { baseUrl: URL; appPrefix: string }) => { cancel?: unknown }[] }).getConfig({
      baseUrl: new URL("http://localhost/api/inngest"),
      appPrefix: "realtime-crm",
    });
    expect(config.cancel).toEqual([{ event: jobCancelledEvent, if: "async.data.key == event.data.key" }]);
  });

  it("sleeps until the step run is due (the sleep mocked by its id), then executes it once", async () => {
    const s = await dueTodoStep();
    const sleeps: unknown[] = [];
    const { result } = await new InngestTestEngine({ function: runJob, events: [dueEvent(s.key)] }).execute({
      steps: [{ id: "wait-until-due", handler: (...args: unknown[]) => void sleeps.push(args) }],
    });
    expect(sleeps).toHaveLength(1);
    expect(result).toMatchObject({ ran: true, outcome: { done: true }, state: "done" });
    expect(await stepRunState(s.stepRunId)).toBe("done");
    expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toHaveLength(1);
    // A duplicate event (or the embedded runner got there first): nothing more.
    const again = await new InngestTestEngine({ function: runJob, events: [dueEvent(s.key)] }).execute({ steps: [{ id: "wait-until-due", handler: () => {} }] });
    expect(again.result).toEqual({ ran: false });
    expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toHaveLength(1);
  });

  it("a step run cancelled while its function slept is not executed when it wakes (even if the cancellation event was lost)", async () => {
    const s = await dueTodoStep();
    const { result } = await new InngestTestEngine({ function: runJob, events: [dueEvent(s.key)] }).execute({
      steps: [
        {
          id: "wait-until-due",
          handler: async () => {
            // The card leaves while the function sleeps: the step run and its job are called off together.
            await db.transaction(async (tx) => {
              await tx.update(automationStepRuns).set({ state: "cancelled", finishedAt: dueAt }).where(eq(automationStepRuns.id, s.stepRunId));
              await cancelJobs(tx, [s.key], dueAt);
            });
          },
        },
      ],
    });
    expect(result).toEqual({ ran: false });
    expect(await stepRunState(s.stepRunId)).toBe("cancelled");
    expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toEqual([]);
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

    /** Inngest calling run-job for this key with the sleep already over (its step memoised by hashed id). */
    const call = async (key: string, signed: boolean) => {
      process.env.INNGEST_SIGNING_KEY = signingKey;
      process.env.INNGEST_EVENT_KEY = "event-key-test";
      delete process.env.INNGEST_DEV;
      (globalThis as { __crmDb?: unknown }).__crmDb = Promise.resolve({ db, close: async () => {}, kind: testDbKind });
      const { POST } = await import("@/app/api/inngest/route");
      const slept = createHash("sha1").update("wait-until-due").digest("hex");
      const event = { name: jobDueEvent, data: { key, dueAt: dueAt.toISOString() } };
      const body = canonical({
        event,
        events: [event],
        steps: { [slept]: null },
        ctx: { run_id: `01RUN${key.slice(-6)}`, attempt: 0, fn_id: "realtime-crm-run-job", stack: { stack: [slept], current: 1 }, disable_immediate_execution: false, use_api: false },
        version: 1,
      });
      const ts = String(Math.round(Date.now() / 1000));
      const signature = createHmac("sha256", signingKey.replace(/^signkey-\w+-/, "")).update(body + ts).digest("hex");
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (signed) headers["x-inngest-signature"] = `t=${ts}&s=${signature}`;
      const request = new Request("http://localhost/api/inngest?fnId=realtime-crm-run-job&stepId=step", { method: "POST", headers, body });
      const res = await (POST as unknown as (r: Request, ctx: unknown) => Promise<Response>)(request, {});
      return { status: res.status, text: await res.text() };
    };

    it("a signed call executes the app's step run (the SDK's signature check passes); an unsigned one is refused", async () => {
      const s = await dueTodoStep();
      const unsigned = await call(s.key, false);
      expect(unsigned.status).toBe(401);
      expect(await stepRunState(s.stepRunId)).toBe("pending");
      const signed = await call(s.key, true);
      expect(signed.status, signed.text).toBeLessThan(300);
      expect(await stepRunState(s.stepRunId)).toBe("done");
      expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toHaveLength(1);
    });
  });
});
