import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, jobs } from "@/db/schema";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { createTestDb, testDbKind } from "@/test/db";
import { startResendStub, type StubReply } from "@/test/resend-stub";
import { startSmtpServer } from "@/test/smtp-server";
import { fromHeader, noTransportError, outgoing } from "./deliver-email";
import { emailJobKey, queueEmails, type NewEmail } from "./queue-email";
import { resendTransport } from "./transports/resend";

const t0 = new Date("2026-05-04T10:00:00Z");
let now = t0;
const clock = { now: () => now };
const run = (db: Db) => runDueJobs({ db, clock, handlers: jobHandlers, random: () => 1 });

const anEmail = (to: string, extra: Partial<NewEmail> = {}): NewEmail => ({
  kind: "system",
  fromName: "Éva Kovács",
  toAddress: to,
  toName: "Anna",
  replyTo: "eva@example.org",
  subject: `Hello ${to}`,
  html: "<p>Hello</p>",
  text: "Hello",
  headers: { "X-Test": "1" },
  ...extra,
});

const emailRow = async (db: Db, id: string) => (await db.select().from(emails).where(eq(emails.id, id)))[0];
const jobRow = async (db: Db, id: string) => (await db.select().from(jobs).where(eq(jobs.key, emailJobKey(id))))[0];

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["RESEND_API_KEY", "RESEND_BASE_URL", "SMTP_URL", "MAIL_FROM"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  now = t0;
});

describe(`deliverEmail (${testDbKind})`, () => {
  let db: Db;
  let stub: Awaited<ReturnType<typeof startResendStub>>;
  const script: StubReply[] = [];
  beforeAll(async () => {
    db = await createTestDb();
    stub = await startResendStub({ reply: () => script.shift() ?? null });
  });
  afterAll(() => stub.close());
  const useResend = () => {
    process.env.RESEND_API_KEY = "re_key";
    process.env.RESEND_BASE_URL = stub.url;
    process.env.MAIL_FROM = "CRM <crm@example.org>";
  };

  it("Resend: sends once, records transport, provider id, attempts; a repeated job does not send again", async () => {
    useResend();
    const [id] = await queueEmails(db, [anEmail("a@example.com")], now);
    const before = stub.requests.length;
    await run(db);
    const row = await emailRow(db, id);
    expect(row).toMatchObject({ state: "sent", transport: "resend", attempts: 1, lastError: null });
    expect(row.sentAt?.getTime()).toBe(t0.getTime());
    const req = stub.requests.at(-1)!;
    expect(req.headers["idempotency-key"]).toBe(id);
    expect(req.body).toMatchObject({ from: '"Éva Kovács" <crm@example.org>', reply_to: "eva@example.org", headers: { "X-Test": "1" } });
    expect(row.providerMessageId).toBeTruthy();
    expect((await jobRow(db, id)).state).toBe("done");

    // The job runs again (say its outcome was lost): nothing goes to the provider.
    await db.update(jobs).set({ state: "pending" }).where(eq(jobs.key, emailJobKey(id)));
    await run(db);
    expect(stub.requests.length - before).toBe(1);
    expect((await jobRow(db, id)).state).toBe("done");
  });

  it("died after the provider accepted it: the retry carries the same key and is not delivered twice", async () => {
    useResend();
    const [id] = await queueEmails(db, [anEmail("crash@example.com")], now);
    const accepted = await resendTransport("re_key", stub.url).send(outgoing(await emailRow(db, id))); // …then the process died
    await run(db);
    expect(stub.deliveries.get(id)).toBe(1);
    const row = await emailRow(db, id);
    expect(row.state).toBe("sent");
    expect(accepted.ok && row.providerMessageId === accepted.messageId).toBe(true);
  });

  it("a 429 waits for Retry-After without burning an attempt; then it is sent", async () => {
    useResend();
    script.push({ status: 429, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, headers: { "retry-after": "3" } });
    const [id] = await queueEmails(db, [anEmail("rate@example.com")], now);
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "queued", lastError: "Too many requests" });
    const job = await jobRow(db, id);
    expect(job).toMatchObject({ state: "pending", attempts: 0 });
    expect(job.dueAt.getTime()).toBe(t0.getTime() + 3000);
    now = new Date(t0.getTime() + 3000);
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "sent", lastError: null, attempts: 2 });
  });

  it("a 5xx is retried with back-off and fails on the last attempt with the provider's reason", async () => {
    useResend();
    const [id] = await queueEmails(db, [anEmail("down@example.com")], now);
    await db.update(jobs).set({ maxAttempts: 2 }).where(eq(jobs.key, emailJobKey(id)));
    const down = { status: 502, body: { statusCode: 502, name: "application_error", message: "Bad gateway" } };
    script.push(down, down);
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "queued", lastError: "502 Bad gateway", attempts: 1 });
    const job = await jobRow(db, id);
    expect(job.dueAt.getTime()).toBe(t0.getTime() + 10_000);
    now = job.dueAt;
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "failed", lastError: "502 Bad gateway", attempts: 2 });
    expect(await jobRow(db, id)).toMatchObject({ state: "failed", lastError: "502 Bad gateway" });
  });

  it("a validation error (422) fails at once with the provider's message", async () => {
    useResend();
    script.push({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } });
    const [id] = await queueEmails(db, [anEmail("bad@example.com")], now);
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "failed", lastError: "422 Invalid `to` field.", transport: "resend" });
    expect((await jobRow(db, id)).state).toBe("failed");
  });

  it("no transport configured: kept in the outbox with the reason", async () => {
    delete process.env.RESEND_API_KEY;
    delete process.env.SMTP_URL;
    const [id] = await queueEmails(db, [anEmail("kept@example.com")], now);
    const before = stub.requests.length;
    await run(db);
    expect(await emailRow(db, id)).toMatchObject({ state: "outbox", transport: "outbox", lastError: noTransportError, attempts: 0 });
    expect((await jobRow(db, id)).state).toBe("done");
    expect(stub.requests.length).toBe(before);
  });

  it("SMTP configured: delivered to a real SMTP server with the email's Message-ID", async () => {
    const smtp = await startSmtpServer();
    try {
      delete process.env.RESEND_API_KEY;
      process.env.SMTP_URL = smtp.url;
      const [id] = await queueEmails(db, [anEmail("smtp@example.com")], now);
      await run(db);
      expect(await emailRow(db, id)).toMatchObject({ state: "sent", transport: "smtp", providerMessageId: `<${id}@crm>` });
      expect(smtp.messages.map((m) => m.mail.subject)).toEqual(["Hello smtp@example.com"]);
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it("From is MAIL_FROM's address under the sender's name", () => {
    expect(fromHeader("", "CRM <crm@x.hu>")).toBe("CRM <crm@x.hu>");
    expect(fromHeader('Kiss "Béla"\r\n', "CRM <crm@x.hu>")).toBe('"Kiss  Béla" <crm@x.hu>');
    expect(fromHeader("Anna", "crm@x.hu")).toBe('"Anna" <crm@x.hu>');
  });
});
