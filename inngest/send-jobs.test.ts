import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

/**
 * With INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY set, jobsEnqueued() also sends the jobs to Inngest:
 * a local HTTP server stands in for the Inngest event API (INNGEST_BASE_URL) and receives the real
 * client's requests.
 */
describe("jobsEnqueued with Inngest configured", async () => {
  const received: { url: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString() || "null") });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: ["x"], status: 200 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const saved = { ...process.env };
  process.env.INNGEST_EVENT_KEY = "evkey-test";
  process.env.INNGEST_SIGNING_KEY = "signkey-test-00ff";
  process.env.INNGEST_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  delete process.env.INNGEST_DEV;
  // Imported after the environment is set: the Inngest client reads it when it is created.
  const { jobsEnqueued } = await import("@/lib/jobs/wake");
  // jobsEnqueued loads the Inngest side lazily; loading it here keeps that (seconds on a busy machine) out of the waits below.
  await import("@/inngest/send-jobs");
  afterAll(() => {
    for (const k of ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_BASE_URL", "INNGEST_DEV"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    return new Promise<void>((r) => server.close(() => r()));
  });

  it("sends one crm/job.due event per keyed job, its key as the event id; without details, one sweep event", async () => {
    const dueAt = new Date("2026-05-04T10:00:05Z");
    jobsEnqueued([{ kind: "email.deliver", dueAt, key: "email:abc" }]);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0].url).toBe("/e/evkey-test");
    expect(received[0].body).toEqual([expect.objectContaining({ id: "email:abc", name: "crm/job.due", data: { key: "email:abc", dueAt: dueAt.toISOString() } })]);

    jobsEnqueued();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1].body).toEqual([expect.objectContaining({ name: "crm/jobs.enqueued" })]);
  });
});
