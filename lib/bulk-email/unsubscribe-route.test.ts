import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/unsubscribe/route";
import type { Db } from "@/db/client";
import { emails, emailSuppressions } from "@/db/schema";
import { createTestDb, testDbKind } from "@/test/db";
import { signUnsubscribeToken } from "./unsubscribe-token";

process.env.AUTH_SECRET ??= "test-secret-for-bulk-email";

/** The route handlers, called as Next calls them, on this file's database (getDb's shared connection points at it). */
describe("the one-click unsubscribe endpoint (RFC 8058)", async () => {
  const db: Db = await createTestDb();
  (globalThis as unknown as { __crmDb?: Promise<unknown> }).__crmDb = Promise.resolve({ db, close: async () => {}, kind: testDbKind });
  let bulkId = "";
  let cardMailId = "";
  beforeAll(async () => {
    const [bulk, card] = await db
      .insert(emails)
      .values([
        { kind: "bulk", toAddress: "Reader@Example.test", subject: "News", html: "<p>News</p>", text: "News" },
        { kind: "card", toAddress: "friend@example.test", subject: "Hi", html: "<p>Hi</p>", text: "Hi" },
      ])
      .returning({ id: emails.id });
    bulkId = bulk.id;
    cardMailId = card.id;
  });
  const url = (token: string) => `http://crm.test/api/unsubscribe?token=${encodeURIComponent(token)}`;
  const oneClick = (token: string) =>
    POST(new Request(url(token), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
  const listed = async () => (await db.select().from(emailSuppressions)).map((s) => [s.address, s.emailId]);

  it("opening the link (GET, as a link scanner does) leads to the confirmation page and changes nothing", async () => {
    const response = await GET(new Request(url(signUnsubscribeToken(bulkId))));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(bulkId))}`);
    expect(await listed()).toEqual([]);
  });

  it("forged tokens and a card email's token are answered 400 and change nothing", async () => {
    for (const token of ["", "x", `${bulkId}.forged`, signUnsubscribeToken(cardMailId), signUnsubscribeToken(crypto.randomUUID())]) {
      expect((await oneClick(token)).status).toBe(400);
    }
    expect(await listed()).toEqual([]);
  });

  it("the mail client's one-click POST suppresses the address (lower-cased); a replay answers the same and adds nothing", async () => {
    expect((await oneClick(signUnsubscribeToken(bulkId))).status).toBe(200);
    expect((await oneClick(signUnsubscribeToken(bulkId))).status).toBe(200);
    expect(await listed()).toEqual([["reader@example.test", bulkId]]);
  });

  it("the confirmation page's button posts the token in the form and comes back to the page", async () => {
    const token = signUnsubscribeToken(bulkId);
    const form = new URLSearchParams({ token, from: "page" });
    const response = await POST(new Request("http://crm.test/api/unsubscribe", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form }));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
    const bad = await POST(new Request("http://crm.test/api/unsubscribe", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: "nope", from: "page" }) }));
    expect(bad.headers.get("Location")).toBe("/unsubscribe?token=nope&invalid=1");
  });
});
