import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDb } from "@/test/db";
import { changeUserRole } from "./change-user-role";
import { ctxFor, seedUser, snapshot } from "./test-fixtures";

const now = new Date("2026-03-02T09:00:00Z");

describe("changeUserRole", () => {
  it("changes the role and voids the user's sessions", async () => {
    const db = await createTestDb();
    const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    const bela = await seedUser(db, { email: "bela@acme.test", role: "normal" });
    expect(await loadSessionUser(db, bela.id, 1)).toMatchObject({ role: "normal" });

    const result = await changeUserRole(ctxFor(db, admin, now), { userId: bela.id, role: "manager" });
    expect(result).toEqual({ userId: bela.id, role: "manager", previousRole: "normal", changed: true });
    expect(await loadSessionUser(db, bela.id, 1)).toBeNull();
    expect(await loadSessionUser(db, bela.id, 2)).toMatchObject({ role: "manager" });
    const [row] = await db.select().from(users).where(eq(users.id, bela.id));
    expect(row.updatedAt).toEqual(now);
  });

  it("leaves everything alone when the role is the same", async () => {
    const db = await createTestDb();
    const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    const bela = await seedUser(db, { email: "bela@acme.test", role: "normal" });
    const before = await snapshot(db);
    expect(await changeUserRole(ctxFor(db, admin, now), { userId: bela.id, role: "normal" })).toMatchObject({ changed: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses to demote the last active admin, and changes nothing", async () => {
    const db = await createTestDb();
    const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    await seedUser(db, { email: "old@acme.test", role: "admin" }).then((old) => db.update(users).set({ deactivatedAt: now }).where(eq(users.id, old.id)));
    const before = await snapshot(db);
    await expect(changeUserRole(ctxFor(db, admin, now), { userId: admin.id, role: "manager" })).rejects.toMatchObject({ code: "last_admin" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("lets an admin step down while another admin remains", async () => {
    const db = await createTestDb();
    const anna = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    await seedUser(db, { email: "bela@acme.test", role: "admin" });
    await expect(changeUserRole(ctxFor(db, anna, now), { userId: anna.id, role: "normal" })).resolves.toMatchObject({ changed: true });
    expect(await loadSessionUser(db, anna.id, 1)).toBeNull();
  });

  it("when two admins demote each other at once, one of them stays admin", async () => {
    const db = await createTestDb();
    const anna = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    const bela = await seedUser(db, { email: "bela@acme.test", role: "admin" });
    const results = await Promise.allSettled([
      changeUserRole(ctxFor(db, anna, now), { userId: bela.id, role: "manager" }),
      changeUserRole(ctxFor(db, bela, now), { userId: anna.id, role: "manager" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "last_admin" } });
    expect(await db.select().from(users).where(eq(users.role, "admin"))).toHaveLength(1);
  });

  it("refuses unknown users and roles", async () => {
    const db = await createTestDb();
    const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
    await expect(changeUserRole(ctxFor(db, admin, now), { userId: crypto.randomUUID(), role: "manager" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeUserRole(ctxFor(db, admin, now), { userId: admin.id, role: "owner" as never })).rejects.toMatchObject({
      issues: [{ message: "invalid_input", path: ["role"] }],
    });
  });
});
