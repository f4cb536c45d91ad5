import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { cardContacts, cards, contacts } from "@/db/schema";
import { seedEmailTemplate } from "@/lib/email/test-fixtures";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestPostgres, testDbKind } from "@/test/db";
import { startResendStub } from "@/test/resend-stub";
import { seedAutomation, seedStepRuns } from "./test-step-runs";

const cardCount = 600; // × 2 steps = 1,200 step runs: 600 todos and 600 emails

/**
 * Exactly once across a crash, for automation steps: a real runner process (lib/jobs/run-worker.ts)
 * executes 1,200 due step runs (a todo and an email per card) and delivers the emails to the Resend
 * stub; it is killed with SIGKILL midway, and a new process finishes after the dead one's leases ran
 * out. Every step run is done once: one todo and one email per card, one history entry per step run,
 * each email delivered once.
 */
describe.runIf(testDbKind === "postgres")("kill -9 of a runner executing step runs (PostgreSQL)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });

  it(
    `${cardCount * 2} step runs, runner killed midway and restarted: each executed exactly once`,
    async () => {
      const { db, url } = await createTestPostgres();
      const crm = await seedCrm(db);
      const template = await seedEmailTemplate(db, crm.module.id);
      const cardRows = await db
        .insert(cards)
        .values(Array.from({ length: cardCount }, (_, i) => ({ moduleId: crm.module.id, statusId: crm.statuses.offer.id, ownerId: crm.actors.normal.id, name: `Deal ${i}` })))
        .returning({ id: cards.id });
      const people = await db
        .insert(contacts)
        .values(cardRows.map((_, i) => ({ kind: "person" as const, name: `Person ${i}`, firstName: `P${i}`, lastName: "Test", emails: [`p${i}@example.com`] })))
        .returning({ id: contacts.id });
      await db.insert(cardContacts).values(cardRows.map((c, i) => ({ cardId: c.id, contactId: people[i].id, position: 0 })));
      const { automation, steps } = await seedAutomation(db, { moduleId: crm.module.id, statusId: crm.statuses.offer.id }, [
        { kind: "todo_user", recipient: "card_owner", todoText: "Call back" },
        { kind: "email_contact", recipient: "main_person", emailTemplateId: template.id },
      ]);
      await seedStepRuns(db, { automationId: automation.id, stepIds: steps.map((s) => s.id), cardIds: cardRows.map((c) => c.id), dueAt: new Date() });
      const total = cardCount * 2;

      const stub = await startResendStub({ reply: async () => (await new Promise((r) => setTimeout(r, 2)), null) });
      try {
        const start = () => {
          const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/run-worker.ts"], {
            env: { ...process.env, DATABASE_URL: url, RESEND_API_KEY: "re_kill", RESEND_BASE_URL: stub.url, SMTP_URL: "", JOB_LEASE_MS: "1500", NODE_ENV: "production" },
            stdio: ["ignore", "pipe", "pipe"],
          });
          child.stderr!.on("data", (d: Buffer) => process.stderr.write(d));
          children.push(child);
          return child;
        };
        const finished = async () =>
          ((await db.execute(sql`select count(*)::int as n from automation_step_runs where state <> 'pending'`)) as unknown as { n: number }[])[0].n;

        const first = start();
        await expect.poll(finished, { timeout: 90_000, interval: 20 }).toBeGreaterThanOrEqual(total / 3);
        first.kill("SIGKILL");
        await new Promise((r) => first.once("exit", r));
        const atKill = await finished();
        expect(atKill).toBeLessThan(total); // really midway

        const second = start();
        const sent = async () => ((await db.execute(sql`select count(*)::int as n from emails where state = 'sent'`)) as unknown as { n: number }[])[0].n;
        await expect.poll(finished, { timeout: 120_000, interval: 200 }).toBe(total);
        await expect.poll(sent, { timeout: 60_000, interval: 200 }).toBe(cardCount);
        second.kill("SIGTERM");
        await new Promise((r) => second.once("exit", r));

        const one = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as Record<string, number>[])[0];
        expect(await one(sql`select string_agg(distinct state, ',') as states, count(*)::int as n from automation_step_runs`)).toEqual({ states: "done", n: total });
        expect(await one(sql`select count(*)::int as n, count(distinct card_id)::int as cards from todos`)).toEqual({ n: cardCount, cards: cardCount });
        expect(await one(sql`select count(*)::int as n, count(distinct card_id)::int as cards from emails`)).toEqual({ n: cardCount, cards: cardCount });
        expect(await one(sql`select count(*)::int as n, count(distinct (card_id, data->>'stepId'))::int as runs from history where kind = 'automation_step'`)).toEqual({ n: total, runs: total });
        expect(await one(sql`select count(*)::int as n from jobs where state <> 'done'`)).toEqual({ n: 0 });
        // At the provider: each email once.
        expect(stub.deliveries.size).toBe(cardCount);
        expect([...stub.deliveries.values()].filter((n) => n !== 1)).toEqual([]);
        console.log(`kill -9 (step runs): ${atKill} of ${total} finished at the kill; ${stub.requests.length} provider requests for ${cardCount} emails`);
      } finally {
        await stub.close();
      }
    },
    240_000,
  );
});
