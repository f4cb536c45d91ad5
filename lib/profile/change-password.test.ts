import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDb } from "@/test/db";
import { changePassword } from "./change-password";

describe("changePassword", async () => {
  const db = await createTestDb();
  const now = new Date("2026-03-02T09:00:00Z");
  const oldPassword = "the old secret phrase";
  const newPassword = "a brand new passphrase";
  const [anna, bela] = await db
    .insert(users)
    .values([
      { email: "anna@acme.test", firstName: "Anna", lastName: "Kovács", passwordHash: await hashPassword(oldPassword) },
      { email: "bela@acme.test", firstName: "Béla", lastName: "Nagy", role: "admin", passwordHash: await hashPassword(oldPassword) },
    ])
    .returning();
  const ctx = (u: typeof anna) => ({ actor: { ...u, groupIds: [] } satisfies Actor, db, now });
  const stored = async (id: string) =>
    (await db.select({ passwordHash: users.passwordHash, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id)))[0];
  const change = (fields: Partial<{ currentPassword: string; newPassword: string; confirmPassword: string }>) =>
    changePassword(ctx(anna), { userId: anna.id, currentPassword: oldPassword, newPassword, confirmPassword: newPassword, ...fields });

  it("changes nothing when the current password is wrong", async () => {
    const before = await stored(anna.id);
    await expect(change({ currentPassword: "not my password" })).rejects.toMatchObject({
      code: "wrong_current_password",
      fields: { currentPassword: "wrong_current_password" },
    });
    expect(await stored(anna.id)).toEqual(before);
    expect(await loadSessionUser(db, anna.id, before.sessionVersion)).not.toBeNull();
  });

  it("refuses a weak or common new password, and a confirmation that differs", async () => {
    const before = await stored(anna.id);
    await expect(change({ newPassword: "zq7#wv", confirmPassword: "zq7#wv" })).rejects.toMatchObject({ issues: [{ message: "password_too_short" }] });
    await expect(change({ newPassword: "password123", confirmPassword: "password123" })).rejects.toMatchObject({ issues: [{ message: "password_common" }] });
    await expect(change({ confirmPassword: "a brand new passphrasE" })).rejects.toMatchObject({
      issues: [{ message: "passwords_differ", path: ["confirmPassword"] }],
    });
    expect(await stored(anna.id)).toEqual(before);
  });

  it("does not let an admin change someone else's password here", async () => {
    const before = await stored(anna.id);
    await expect(
      changePassword(ctx(bela), { userId: anna.id, currentPassword: oldPassword, newPassword, confirmPassword: newPassword }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect(await stored(anna.id)).toEqual(before);
  });

  it("stores the new password and voids every existing session", async () => {
    const before = await stored(anna.id);
    const result = await change({});
    expect(result).toEqual({ userId: anna.id, sessionVersion: before.sessionVersion + 1 });

    expect(await loadSessionUser(db, anna.id, before.sessionVersion)).toBeNull();
    expect(await loadSessionUser(db, anna.id, result.sessionVersion)).toMatchObject({ id: anna.id });

    const login = (password: string) => authenticate(db, { email: "anna@acme.test", password, ip: null, now });
    expect(await login(oldPassword)).toEqual({ ok: false, code: "invalid" });
    expect(await login(newPassword)).toEqual({ ok: true, user: { id: anna.id, email: "anna@acme.test", sessionVersion: result.sessionVersion } });
  });

  it("throttles guessing the current password like a login", async () => {
    const later = new Date(now.getTime() + 3600_000);
    const guess = () =>
      changePassword({ ...ctx(bela), now: later }, { userId: bela.id, currentPassword: "guess guess", newPassword, confirmPassword: newPassword });
    for (let i = 0; i < 5; i++) await expect(guess()).rejects.toMatchObject({ code: "wrong_current_password" });
    await expect(guess()).rejects.toMatchObject({ code: "throttled-30" });
  });
});
