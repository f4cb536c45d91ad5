import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { emails } from "@/db/schema";
import { queueEmails, type NewEmail } from "@/lib/email/queue-email";
import { createTestPostgres, testDbKind } from "@/test/db";
import { startResendStub } from "@/test/resend-stub";

const count = 1000;

/**
 * Exactly once across a crash: a real runner process delivers 1,000 emails to the Resend stub (which,
 * like Resend, answers a repeated Idempotency-Key with the first email and does not deliver it
 * again), is killed with SIGKILL midway, and a new process finishes the work after the dead one's
 * leases run out. Every email reaches the stub exactly once and is recorded as sent.
 */
describe.runIf(testDbKind === "postgres")("kill -9 of a runner process (PostgreSQL)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });

  it(
    `${count} emails, runner killed midway and restarted: each delivered exactly once`,
    async () => {
      const { db, url } = await createTestPostgres();
      // A little latency per request, so the kill lands with requests in flight.
      const stub = await startResendStub({ reply: async () => (await new Promise((r) => setTimeout(r, 2)), null) });
      try {
        const now = new Date();
        const batch: NewEmail[] = Array.from({ length: count }, (_, i) => ({ kind: "system", toAddress: `r${i}@example.com`, subject: `#${i}`, html: `<p>${i}</p>`, text: `${i}` }));
        await queueEmails(db, batch, now);

        const start = () => {
          const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/run-worker.ts"], {
            env: { ...process.env, DATABASE_URL: url, RESEND_API_KEY: "re_kill", RESEND_BASE_URL: stub.url, SMTP_URL: "", JOB_LEASE_MS: "1500", NODE_ENV: "production" },
            stdio: ["ignore", "pipe", "pipe"],
          });
          child.stderr!.on("data", (d: Buffer) => process.stderr.write(d));
          children.push(child);
          return child;
        };

        const first = start();
        await expect.poll(() => stub.delivered, { timeout: 60_000, interval: 5 }).toBeGreaterThanOrEqual(count / 3);
        first.kill("SIGKILL");
        await new Promise((r) => first.once("exit", r));
        const atKill = stub.delivered;
        expect(atKill).toBeLessThan(count); // really midway

        const sentAt = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(emails).where(sql`${emails.state} = 'sent'`))[0].n;
        const sentBeforeRestart = await sentAt();
        expect(sentBeforeRestart).toBeLessThan(count);

        const second = start();
        await expect.poll(sentAt, { timeout: 90_000, interval: 200 }).toBe(count);
        second.kill("SIGTERM");
        await new Promise((r) => second.once("exit", r));

        // Distinct deliveries at the stub: every email once, none twice.
        expect(stub.deliveries.size).toBe(count);
        expect([...stub.deliveries.values()].filter((n) => n !== 1)).toEqual([]);
        expect(stub.delivered).toBe(count);
        const [{ states }] = await db.select({ states: sql<string>`string_agg(distinct ${emails.state}, ',')` }).from(emails);
        expect(states).toBe("sent");
        const [{ jobsLeft }] = (await db.execute(sql`select count(*)::int as "jobsLeft" from jobs where state <> 'done'`)) as unknown as { jobsLeft: number }[];
        expect(jobsLeft).toBe(0);
        console.log(`kill -9: ${atKill} delivered at the kill, ${sentBeforeRestart} recorded sent; ${stub.requests.length} requests in all for ${count} deliveries`);
      } finally {
        await stub.close();
      }
    },
    180_000,
  );
});
