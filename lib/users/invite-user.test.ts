import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupMembers, users, userTokens } from "@/db/schema";
import { createGroup } from "@/lib/groups/create-group";
import { archiveGroup } from "@/lib/groups/archive-group";
import { createTestDb } from "@/test/db";
import { inviteUser } from "./invite-user";
import { ctxFor, days, seedUser, snapshot } from "./test-fixtures";
import { hashToken } from "./user-tokens";

const now = new Date("2026-03-02T09:00:00Z");

describe("inviteUser", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
  const ctx = ctxFor(db, admin, now);
  const { groupId: hu } = await createGroup(ctx, { name: "Hungary" });
  const { groupId: ro } = await createGroup(ctx, { name: "Romania" });

  it("creates a user without a password, in their groups, and a 7-day invitation of which only the hash is stored", async () => {
    const result = await inviteUser(ctx, { email: " Bela@Acme.test ", lastName: "Nagy", firstName: "Béla", role: "manager", groupIds: [hu, ro] });
    expect(result).toMatchObject({ email: "bela@acme.test", role: "manager", expiresAt: new Date(now.getTime() + days(7)) });
    expect(result.linkPath).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);

    const [user] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ email: "bela@acme.test", lastName: "Nagy", firstName: "Béla", role: "manager", passwordHash: null, deactivatedAt: null });
    const members = await db.select().from(groupMembers).where(eq(groupMembers.userId, result.userId));
    expect(members.map((m) => m.groupId).sort()).toEqual([hu, ro].sort());

    const token = result.linkPath.split("/").at(-1)!;
    const [row] = await db.select().from(userTokens).where(eq(userTokens.userId, result.userId));
    expect(row).toMatchObject({ kind: "invitation", tokenHash: hashToken(token), createdById: admin.id, usedAt: null });
    expect(row.tokenHash).not.toContain(token);
  });

  it("accepts a single group id as a form sends it, and no group at all", async () => {
    const one = await inviteUser(ctx, { email: "cili@acme.test", lastName: "Kiss", firstName: "Cili", role: "normal", groupIds: hu });
    const none = await inviteUser(ctx, { email: "dani@acme.test", lastName: "Tóth", firstName: "Dani", role: "restricted" });
    expect(await db.select().from(groupMembers).where(eq(groupMembers.userId, one.userId))).toHaveLength(1);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.userId, none.userId))).toHaveLength(0);
  });

  it("refuses an email that is taken in any case, and changes nothing", async () => {
    const before = await snapshot(db);
    await expect(inviteUser(ctx, { email: "ANNA@acme.TEST", lastName: "Kovács", firstName: "Anna", role: "normal" })).rejects.toMatchObject({
      code: "email_taken",
      fields: { email: "email_taken" },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("lets exactly one of two simultaneous invitations of the same email win", async () => {
    const input = { email: "eva@acme.test", lastName: "Szabó", firstName: "Éva", role: "normal" as const };
    const results = await Promise.allSettled([inviteUser(ctx, input), inviteUser(ctx, { ...input, email: "Eva@acme.test" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "email_taken" } });
  });

  it("validates its input with error codes, changing nothing", async () => {
    const before = await snapshot(db);
    const attempt = (input: Record<string, unknown>) =>
      inviteUser(ctx, { email: "new@acme.test", lastName: "Új", firstName: "Ember", role: "normal", ...input } as never);
    await expect(attempt({ email: "not-an-email" })).rejects.toMatchObject({ issues: [{ message: "invalid_email", path: ["email"] }] });
    await expect(attempt({ lastName: "  " })).rejects.toMatchObject({ issues: [{ message: "required", path: ["lastName"] }] });
    await expect(attempt({ firstName: undefined })).rejects.toMatchObject({ issues: [{ message: "required", path: ["firstName"] }] });
    await expect(attempt({ role: "owner" })).rejects.toMatchObject({ issues: [{ message: "invalid_input", path: ["role"] }] });
    await expect(attempt({ groupIds: ["nope"] })).rejects.toMatchObject({ issues: [{ message: "invalid_input", path: ["groupIds", 0] }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses unknown and archived groups, changing nothing", async () => {
    const { groupId: old } = await createGroup(ctx, { name: "Old team" });
    await archiveGroup(ctx, { groupId: old });
    const before = await snapshot(db);
    const input = { email: "feri@acme.test", lastName: "Fekete", firstName: "Feri", role: "normal" as const };
    await expect(inviteUser(ctx, { ...input, groupIds: [old] })).rejects.toMatchObject({ code: "invalid_group" });
    await expect(inviteUser(ctx, { ...input, groupIds: [hu, crypto.randomUUID()] })).rejects.toMatchObject({ code: "invalid_group" });
    expect(await snapshot(db)).toEqual(before);
  });
});
