import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDb } from "@/test/db";
import { deactivateUser } from "./deactivate-user";
import { listUsers } from "./list-users";
import { reactivateUser } from "./reactivate-user";
import { ctxFor, seedUser, snapshot } from "./test-fixtures";

const now = new Date("2026-03-02T09:00:00Z");
const password = "a long secret phrase";

describe("deactivateUser and reactivateUser", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin", lastName: "Kovács", firstName: "Anna" });
  const ctx = ctxFor(db, admin, now);
  const login = (email: string) => authenticate(db, { email, password, ip: null, now });

  it("signs the user out everywhere and stops them signing in; they stay listed", async () => {
    const bela = await seedUser(db, { email: "bela@acme.test", passwordHash: await hashPassword(password), lastName: "Nagy" });
    expect(await deactivateUser(ctx, { userId: bela.id })).toEqual({ userId: bela.id, changed: true, handOver: null });
    expect(await loadSessionUser(db, bela.id, 1)).toBeNull();
    expect(await loadSessionUser(db, bela.id, 2)).toBeNull();
    expect(await login("bela@acme.test")).toEqual({ ok: false, code: "invalid" });
    const listed = (await listUsers(ctx)).find((u) => u.id === bela.id);
    expect(listed).toMatchObject({ status: "deactivated", deactivatedAt: now, email: "bela@acme.test" });

    // Twice is harmless.
    const before = await snapshot(db);
    expect(await deactivateUser(ctx, { userId: bela.id })).toEqual({ userId: bela.id, changed: false, handOver: null });
    expect(await snapshot(db)).toEqual(before);

    expect(await reactivateUser(ctx, { userId: bela.id })).toEqual({ userId: bela.id, changed: true });
    const [row] = await db.select().from(users).where(eq(users.id, bela.id));
    expect(row).toMatchObject({ deactivatedAt: null, sessionVersion: 3 });
    expect(await loadSessionUser(db, bela.id, 2)).toBeNull();
    expect(await loadSessionUser(db, bela.id, 3)).toMatchObject({ id: bela.id });
    expect(await login("bela@acme.test")).toMatchObject({ ok: true });
    expect(await reactivateUser(ctx, { userId: bela.id })).toEqual({ userId: bela.id, changed: false });
  });

  it("refuses to deactivate yourself, and changes nothing", async () => {
    const before = await snapshot(db);
    await expect(deactivateUser(ctx, { userId: admin.id })).rejects.toMatchObject({ code: "cannot_deactivate_self" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses to deactivate the last active admin, even for an actor whose admin role was just taken away", async () => {
    const db2 = await createTestDb();
    const anna = await seedUser(db2, { email: "anna@acme.test", role: "admin" });
    const bela = await seedUser(db2, { email: "bela@acme.test", role: "admin" });
    await db2.update(users).set({ role: "normal" }).where(eq(users.id, bela.id)); // Béla's session still says admin
    const before = await snapshot(db2);
    await expect(deactivateUser(ctxFor(db2, bela, now), { userId: anna.id })).rejects.toMatchObject({ code: "last_admin" });
    expect(await snapshot(db2)).toEqual(before);
  });

  it("can deactivate another admin while one remains", async () => {
    const other = await seedUser(db, { email: "admin2@acme.test", role: "admin" });
    await expect(deactivateUser(ctx, { userId: other.id })).resolves.toMatchObject({ changed: true });
  });

  it("refuses unknown users", async () => {
    await expect(deactivateUser(ctx, { userId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(reactivateUser(ctx, { userId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateUser(ctx, { userId: "nope" })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
  });
});
