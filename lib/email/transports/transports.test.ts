import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendStub } from "@/test/resend-stub";
import { startSmtpServer } from "@/test/smtp-server";
import { chooseTransport, configuredTransportName, mailFrom } from "./choose-transport";
import { parseRetryAfter, resendTransport } from "./resend";
import { smtpTransport } from "./smtp";
import type { OutgoingEmail } from "./types";

const email: OutgoingEmail = {
  id: "6f1c6a52-3c8e-4c43-9a55-1f1f0e1b2a10",
  from: '"Éva Kovács" <crm@example.org>',
  to: { address: "anna@example.com", name: "Anna Nagy" },
  replyTo: "eva@example.org",
  subject: "Árajánlat – 2026",
  html: "<p>Kedves <b>Anna</b>,</p><p>a csatolt ajánlat…</p>",
  text: "Kedves Anna,\n\na csatolt ajánlat…",
  headers: { "List-Unsubscribe": "<https://crm.example.org/api/unsubscribe?token=t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
};

describe("Resend transport (the real client against a local stub)", () => {
  let stub: Awaited<ReturnType<typeof startResendStub>>;
  const script: ({ status: number; body: Record<string, unknown>; headers?: Record<string, string> } | null)[] = [];
  beforeAll(async () => {
    stub = await startResendStub({ reply: () => script.shift() ?? null });
  });
  afterAll(() => stub.close());

  it("sends bearer key, Idempotency-Key = email id, headers, reply_to and both parts", async () => {
    const result = await resendTransport("re_test_key", stub.url).send(email);
    expect(result.ok).toBe(true);
    const req = stub.requests.at(-1)!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/emails");
    expect(req.headers.authorization).toBe("Bearer re_test_key");
    expect(req.headers["idempotency-key"]).toBe(email.id);
    expect(req.body).toMatchObject({
      from: email.from,
      to: ['"Anna Nagy" <anna@example.com>'],
      subject: email.subject,
      html: email.html,
      text: email.text,
      reply_to: "eva@example.org",
      headers: email.headers,
    });
    if (result.ok) expect(result.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the same email sent again is answered with the first id and delivered once", async () => {
    const before = stub.delivered;
    const a = await resendTransport("k", stub.url).send({ ...email, id: "11111111-1111-4111-8111-111111111111" });
    const b = await resendTransport("k", stub.url).send({ ...email, id: "11111111-1111-4111-8111-111111111111" });
    expect(a).toEqual(b);
    expect(stub.delivered - before).toBe(1);
  });

  it("429 → rate limited with Retry-After; 5xx → retry; 422 → permanent with the provider's message", async () => {
    script.push({ status: 429, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, headers: { "retry-after": "7" } });
    expect(await resendTransport("k", stub.url).send(email)).toEqual({ ok: false, retry: true, rateLimited: true, message: "Too many requests", retryAfterMs: 7000 });
    script.push({ status: 503, body: { statusCode: 503, name: "application_error", message: "Service unavailable" } });
    expect(await resendTransport("k", stub.url).send(email)).toMatchObject({ ok: false, retry: true, message: "503 Service unavailable" });
    script.push({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } });
    expect(await resendTransport("k", stub.url).send(email)).toEqual({ ok: false, retry: false, message: "422 Invalid `to` field." });
  });

  it("a server that is not there → retry (network)", async () => {
    expect(await resendTransport("k", "http://127.0.0.1:9").send(email)).toMatchObject({ ok: false, retry: true });
  });

  it("Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("SMTP transport (nodemailer against a real SMTP server)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it("delivers the mail, parsed back: from, to, reply-to, subject, both parts, headers, stable Message-ID", async () => {
    const transport = smtpTransport(smtp.url);
    const result = await transport.send(email);
    transport.close?.();
    expect(result).toEqual({ ok: true, messageId: `<${email.id}@crm>` });
    const { envelope, mail } = smtp.messages.at(-1)!;
    expect(envelope).toEqual({ from: "crm@example.org", to: ["anna@example.com"] });
    expect(mail.from?.value).toEqual([{ address: "crm@example.org", name: "Éva Kovács" }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value).toEqual([{ address: "anna@example.com", name: "Anna Nagy" }]);
    expect(mail.replyTo?.value[0].address).toBe("eva@example.org");
    expect(mail.subject).toBe(email.subject);
    expect(mail.html).toContain("<b>Anna</b>");
    expect(mail.text?.trim()).toBe(email.text);
    expect(mail.messageId).toBe(`<${email.id}@crm>`);
    const line = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(line("list-unsubscribe")).toBe("List-Unsubscribe: <https://crm.example.org/api/unsubscribe?token=t>");
  });

  it("a 5xx reply is permanent, a 4xx reply temporary", async () => {
    const transport = smtpTransport(smtp.url);
    smtp.state.rejectWith = 550;
    expect(await transport.send(email)).toMatchObject({ ok: false, retry: false, message: expect.stringContaining("550") });
    smtp.state.rejectWith = 451;
    expect(await transport.send(email)).toMatchObject({ ok: false, retry: true, message: expect.stringContaining("451") });
    smtp.state.rejectWith = null;
    transport.close?.();
  });
});

describe("choosing the transport", () => {
  it("Resend over SMTP over the outbox; MAIL_FROM with a default", () => {
    expect(configuredTransportName({ RESEND_API_KEY: "k", SMTP_URL: "smtp://x" })).toBe("resend");
    expect(configuredTransportName({ SMTP_URL: "smtp://x" })).toBe("smtp");
    expect(configuredTransportName({})).toBe("outbox");
    expect(chooseTransport({})).toBeNull();
    expect(chooseTransport({ SMTP_URL: "smtp://127.0.0.1:9" })?.name).toBe("smtp");
    expect(mailFrom({})).toBe("CRM <no-reply@localhost>");
    expect(mailFrom({ MAIL_FROM: "Acme <crm@acme.hu>" })).toBe("Acme <crm@acme.hu>");
  });
});
