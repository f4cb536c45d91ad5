import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";

describe("authenticate", async () => {
  const db = await createTestDb();
  await db.insert(users).values({ email: "bela@acme.test", role: "normal", passwordHash: await hashPassword("a long secret phrase") });
  const t0 = new Date("2026-03-01T10:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it("accepts the right password, case-insensitively on the email", async () => {
    const result = await authenticate(db, { email: "Bela@Acme.test", password: "a long secret phrase", ip: "10.0.0.1", now: t0 });
    expect(result).toMatchObject({ ok: true, user: { email: "bela@acme.test", sessionVersion: 1 } });
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const wrong = await authenticate(db, { email: "bela@acme.test", password: "nope nope nope", ip: null, now: t0 });
    const unknown = await authenticate(db, { email: "ghost@acme.test", password: "nope nope nope", ip: null, now: t0 });
    expect(wrong).toEqual({ ok: false, code: "invalid" });
    expect(unknown).toEqual({ ok: false, code: "invalid" });
  });

  it("locks an account after 5 failures, doubling the wait, and the right password does not bypass it", async () => {
    const email = "locked@acme.test";
    await db.insert(users).values({ email, passwordHash: await hashPassword("the right password") });
    for (let i = 0; i < 5; i++) await authenticate(db, { email, password: "wrong password", ip: null, now: at(i) });
    expect(await authenticate(db, { email, password: "the right password", ip: null, now: at(5) })).toEqual({ ok: false, code: "throttled-29" });
    // After the lock expires one more failure locks for twice as long.
    await authenticate(db, { email, password: "wrong password", ip: null, now: at(40) });
    expect(await authenticate(db, { email, password: "the right password", ip: null, now: at(41) })).toEqual({ ok: false, code: "throttled-59" });
    expect(await authenticate(db, { email, password: "the right password", ip: null, now: at(101) })).toMatchObject({ ok: true });
  });

  it("throttles an unknown email exactly like a known one", async () => {
    for (let i = 0; i < 5; i++) await authenticate(db, { email: "nobody@acme.test", password: "x", ip: null, now: at(i) });
    expect(await authenticate(db, { email: "nobody@acme.test", password: "x", ip: null, now: at(6) })).toEqual({ ok: false, code: "throttled-28" });
  });

  it("refuses a deactivated user", async () => {
    await db.insert(users).values({ email: "gone@acme.test", passwordHash: await hashPassword("a long secret phrase"), deactivatedAt: t0 });
    expect(await authenticate(db, { email: "gone@acme.test", password: "a long secret phrase", ip: null, now: t0 })).toEqual({ ok: false, code: "invalid" });
  });
});
