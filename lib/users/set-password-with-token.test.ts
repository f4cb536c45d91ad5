import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users, userTokens } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDb } from "@/test/db";
import { deactivateUser } from "./deactivate-user";
import { inviteUser } from "./invite-user";
import { issuePasswordReset } from "./issue-password-reset";
import { reissueInvitation } from "./reissue-invitation";
import { setPasswordWithToken } from "./set-password-with-token";
import { ctxFor, days, later, minutes, seedUser, snapshot } from "./test-fixtures";
import { findValidUserToken } from "./user-tokens";

const t0 = new Date("2026-03-02T09:00:00Z");
const password = "a long secret phrase";
const tokenOf = (linkPath: string) => linkPath.split("/").at(-1)!;

describe("setPasswordWithToken", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
  const ctx = ctxFor(db, admin, t0);
  let n = 0;
  const invite = async () => {
    const result = await inviteUser(ctx, { email: `user${++n}@acme.test`, lastName: "Nagy", firstName: "Béla", role: "normal" });
    return { ...result, token: tokenOf(result.linkPath) };
  };
  const login = (email: string, pw: string, now = t0) => authenticate(db, { email, password: pw, ip: null, now });

  it("an invited user sets a password through the link, then signs in with it", async () => {
    const { userId, email, token } = await invite();
    expect(await findValidUserToken(db, token, t0)).toMatchObject({ kind: "invitation", user: { id: userId, email, lastName: "Nagy" } });
    expect(await login(email, password)).toEqual({ ok: false, code: "invalid" });

    const at = later(t0, days(7) - minutes(1));
    const result = await setPasswordWithToken({ db, now: at }, { token, password, confirmation: password });
    expect(result).toEqual({ userId, email, kind: "invitation" });

    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.sessionVersion).toBe(2);
    const [row] = await db.select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(row.usedAt).toEqual(at);
    expect(await login(email, password, at)).toMatchObject({ ok: true, user: { id: userId, sessionVersion: 2 } });
  });

  it("refuses an expired invitation (7 days + 1 minute later) and changes nothing", async () => {
    const { token } = await invite();
    const before = await snapshot(db);
    const now = later(t0, days(7) + minutes(1));
    await expect(setPasswordWithToken({ db, now }, { token, password, confirmation: password })).rejects.toMatchObject({ code: "token_expired" });
    await expect(findValidUserToken(db, token, now)).rejects.toMatchObject({ code: "token_expired" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a link used once already and changes nothing", async () => {
    const { email, token } = await invite();
    await setPasswordWithToken({ db, now: t0 }, { token, password, confirmation: password });
    const before = await snapshot(db);
    const other = "another long phrase";
    await expect(setPasswordWithToken({ db, now: t0 }, { token, password: other, confirmation: other })).rejects.toMatchObject({ code: "token_used" });
    expect(await snapshot(db)).toEqual(before);
    expect(await login(email, other)).toEqual({ ok: false, code: "invalid" });
  });

  it("lets exactly one of two simultaneous uses of a link win", async () => {
    const { token } = await invite();
    const results = await Promise.allSettled([
      setPasswordWithToken({ db, now: t0 }, { token, password, confirmation: password }),
      setPasswordWithToken({ db, now: t0 }, { token, password: "another long phrase", confirmation: "another long phrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "token_used" } });
  });

  it("refuses unknown and malformed tokens and changes nothing", async () => {
    await invite();
    const before = await snapshot(db);
    for (const token of ["A".repeat(43), "short", "", "../../etc/passwd"]) {
      await expect(setPasswordWithToken({ db, now: t0 }, { token, password, confirmation: password })).rejects.toMatchObject({ code: "token_invalid" });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses weak, common and mismatched passwords with their codes, and changes nothing", async () => {
    const { token } = await invite();
    const before = await snapshot(db);
    const attempt = (pw: string, confirmation = pw) => setPasswordWithToken({ db, now: t0 }, { token, password: pw, confirmation });
    await expect(attempt("Zq8#xw")).rejects.toMatchObject({ issues: [{ message: "password_too_short", path: ["password"] }] });
    await expect(attempt("qwertyuiop")).rejects.toMatchObject({ issues: [{ message: "password_common", path: ["password"] }] });
    await expect(attempt("Password123")).rejects.toMatchObject({ issues: [{ message: "password_common" }] });
    await expect(attempt(password, `${password}!`)).rejects.toMatchObject({ issues: [{ message: "passwords_differ", path: ["confirmation"] }] });
    expect(await snapshot(db)).toEqual(before);
    // The link still works afterwards.
    await expect(attempt(password)).resolves.toMatchObject({ kind: "invitation" });
  });

  it("a new invitation link voids the previous one", async () => {
    const { userId, token: first } = await invite();
    const { linkPath } = await reissueInvitation(ctxFor(db, admin, later(t0, minutes(5))), { userId });
    const now = later(t0, minutes(6));
    await expect(findValidUserToken(db, first, now)).rejects.toMatchObject({ code: "token_expired" });
    await expect(setPasswordWithToken({ db, now }, { token: tokenOf(linkPath), password, confirmation: password })).resolves.toMatchObject({ userId });
    await expect(reissueInvitation(ctxFor(db, admin, now), { userId })).rejects.toMatchObject({ code: "already_joined" });
  });

  it("a reset link (valid 24 hours) replaces the password and ends the user's sessions", async () => {
    const bela = await seedUser(db, { email: "bela@acme.test", passwordHash: await hashPassword("the old password") });
    const { linkPath, expiresAt } = await issuePasswordReset(ctx, { userId: bela.id });
    expect(expiresAt).toEqual(later(t0, days(1)));
    expect(await loadSessionUser(db, bela.id, 1)).not.toBeNull();

    const lateNow = later(t0, days(1) + minutes(1));
    await expect(setPasswordWithToken({ db, now: lateNow }, { token: tokenOf(linkPath), password, confirmation: password })).rejects.toMatchObject({
      code: "token_expired",
    });

    const { linkPath: fresh } = await issuePasswordReset(ctxFor(db, admin, lateNow), { userId: bela.id });
    const now = later(lateNow, minutes(10));
    await expect(setPasswordWithToken({ db, now }, { token: tokenOf(fresh), password, confirmation: password })).resolves.toMatchObject({
      kind: "password_reset",
    });
    expect(await loadSessionUser(db, bela.id, 1)).toBeNull();
    expect(await loadSessionUser(db, bela.id, 2)).toMatchObject({ id: bela.id });
    expect(await login("bela@acme.test", "the old password", now)).toEqual({ ok: false, code: "invalid" });
    expect(await login("bela@acme.test", password, now)).toMatchObject({ ok: true });
  });

  it("using one link voids the user's other open links", async () => {
    const { userId, token: invitation } = await invite();
    const { linkPath: reset } = await issuePasswordReset(ctx, { userId });
    await setPasswordWithToken({ db, now: t0 }, { token: tokenOf(reset), password, confirmation: password });
    await expect(findValidUserToken(db, invitation, t0)).rejects.toMatchObject({ code: "token_expired" });
  });

  it("a deactivated user's links no longer work, and no new ones are issued", async () => {
    const { userId, token } = await invite();
    await deactivateUser(ctx, { userId });
    const before = await snapshot(db);
    await expect(setPasswordWithToken({ db, now: t0 }, { token, password, confirmation: password })).rejects.toMatchObject({ code: "token_invalid" });
    await expect(issuePasswordReset(ctx, { userId })).rejects.toMatchObject({ code: "user_deactivated" });
    await expect(reissueInvitation(ctx, { userId })).rejects.toMatchObject({ code: "user_deactivated" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("issuing a link for an unknown user is not_found", async () => {
    await expect(issuePasswordReset(ctx, { userId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(reissueInvitation(ctx, { userId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});
