import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, jobs } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { startResendStub } from "@/test/resend-stub";
import { listOutbox } from "./list-outbox";
import { emailJobKey, queueEmails } from "./queue-email";
import { retryEmail } from "./retry-email";

const t0 = new Date("2026-05-04T10:00:00Z");
const mail = (to: string) => ({ kind: "system" as const, toAddress: to, subject: `to ${to}`, html: "<p>x</p>", text: "x" });

describe(`outbox and retry by hand (${testDbKind})`, () => {
  let db: Db;
  let seed: Awaited<ReturnType<typeof seedCrm>>;
  let stub: Awaited<ReturnType<typeof startResendStub>>;
  beforeAll(async () => {
    db = await createTestDb();
    seed = await seedCrm(db);
    stub = await startResendStub();
  });
  afterAll(() => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    return stub.close();
  });

  it("lists kept, failed and long-queued emails newest first in keyset pages; admins only", async () => {
    delete process.env.RESEND_API_KEY;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await queueEmails(db, [mail(`o${i}@example.com`)], new Date(t0.getTime() + i * 1000))));
    await runDueJobs({ db, clock: { now: () => new Date(t0.getTime() + 10_000) }, handlers: jobHandlers }); // no transport → outbox
    const [fresh] = await queueEmails(db, [mail("fresh@example.com")], new Date(t0.getTime() + 20_000)); // queued just now: not listed
    const [stuck] = await queueEmails(db, [mail("stuck@example.com")], new Date(t0.getTime() - 3_600_000)); // queued an hour ago: listed
    await db.update(jobs).set({ state: "running", lockedUntil: new Date(t0.getTime() + 3_600_000) }).where(eq(jobs.key, emailJobKey(stuck)));

    const admin = ctx(db, seed.actors.admin, new Date(t0.getTime() + 30_000));
    const first = await listOutbox(admin, { limit: 4 });
    expect(first.emails.map((e) => e.toAddress)).toEqual(["o4@example.com", "o3@example.com", "o2@example.com", "o1@example.com"]);
    expect(first.emails[0]).toMatchObject({ state: "outbox", lastError: "no_transport" });
    const second = await listOutbox(admin, { limit: 4, cursor: first.next! });
    expect(second.emails.map((e) => e.toAddress)).toEqual(["o0@example.com", "stuck@example.com"]);
    expect(second.next).toBeNull();
    expect([...first.emails, ...second.emails].some((e) => e.id === fresh)).toBe(false);

    await expect(listOutbox(ctx(db, seed.actors.manager))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin re-queues a kept email once a transport is configured; it is delivered; sent ones are refused", async () => {
    process.env.RESEND_API_KEY = "re_retry";
    process.env.RESEND_BASE_URL = stub.url;
    const [id] = await queueEmails(db, [mail("later@example.com")], t0);
    await db.update(emails).set({ state: "outbox", lastError: "no_transport", transport: "outbox" }).where(eq(emails.id, id));
    await db.update(jobs).set({ state: "done", attempts: 1 }).where(eq(jobs.key, emailJobKey(id)));
    const now = new Date(t0.getTime() + 60_000);

    await expect(retryEmail(ctx(db, seed.actors.manager, now), { emailId: id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.select().from(emails).where(eq(emails.id, id)))[0].state).toBe("outbox");

    await retryEmail(ctx(db, seed.actors.admin, now), { emailId: id });
    expect((await db.select().from(emails).where(eq(emails.id, id)))[0]).toMatchObject({ state: "queued", lastError: null });
    expect((await db.select().from(jobs).where(eq(jobs.key, emailJobKey(id))))[0]).toMatchObject({ state: "pending", attempts: 0 });

    await runDueJobs({ db, clock: { now: () => now }, handlers: jobHandlers });
    expect((await db.select().from(emails).where(eq(emails.id, id)))[0]).toMatchObject({ state: "sent", transport: "resend" });
    expect(stub.deliveries.get(id)).toBe(1);

    await expect(retryEmail(ctx(db, seed.actors.admin, now), { emailId: id })).rejects.toMatchObject({ code: "email_not_retryable" });
    await expect(retryEmail(ctx(db, seed.actors.admin, now), { emailId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "email_not_found" });
    await expect(retryEmail(ctx(db, seed.actors.admin, now), { emailId: "nope" })).rejects.toThrow();
  });
});
