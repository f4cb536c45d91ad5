import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { getProfile } from "./get-profile";
import { updateProfile } from "./update-profile";

describe("updateProfile", async () => {
  const db = await createTestDb();
  const now = new Date("2026-03-02T09:00:00Z");
  const [anna, bela] = await db
    .insert(users)
    .values([
      { email: "anna@acme.test", firstName: "Anna", lastName: "Kovács", role: "normal", locale: "hu" },
      { email: "bela@acme.test", firstName: "Béla", lastName: "Nagy", role: "admin", locale: "hu" },
    ])
    .returning();
  const actorOf = (u: typeof anna): Actor => ({ ...u, groupIds: [] });
  const ctx = { actor: actorOf(anna), db, now };

  it("saves names, email signature and language, and reports what changed", async () => {
    const result = await updateProfile(ctx, {
      userId: anna.id,
      lastName: "  Kiss ",
      firstName: "Anna",
      emailSignature: "Kiss Anna\r\nÉrtékesítő\r\n+36 1 234 5678\r\n\r\n",
      locale: "en",
    });
    expect(result).toEqual({ userId: anna.id, changed: ["lastName", "emailSignature", "locale"] });
    expect(await getProfile(ctx, { userId: anna.id })).toEqual({
      userId: anna.id,
      lastName: "Kiss",
      firstName: "Anna",
      email: "anna@acme.test",
      emailSignature: "Kiss Anna\nÉrtékesítő\n+36 1 234 5678",
      locale: "en",
      avatar: null,
    });
    const [row] = await db.select({ updatedAt: users.updatedAt }).from(users).where(eq(users.id, anna.id));
    expect(row.updatedAt).toEqual(now);
  });

  it("saves one section without touching the others", async () => {
    await updateProfile(ctx, { userId: anna.id, emailSignature: "Üdvözlettel,\nAnna" });
    expect(await getProfile(ctx, { userId: anna.id })).toMatchObject({ lastName: "Kiss", locale: "en", emailSignature: "Üdvözlettel,\nAnna" });
  });

  it("refuses an empty name, a too long name or signature, and an unknown language", async () => {
    await expect(updateProfile(ctx, { userId: anna.id, lastName: "   " })).rejects.toMatchObject({ issues: [{ path: ["lastName"], message: "required" }] });
    await expect(updateProfile(ctx, { userId: anna.id, firstName: "x".repeat(101) })).rejects.toMatchObject({ issues: [{ message: "too_long" }] });
    await expect(updateProfile(ctx, { userId: anna.id, emailSignature: "x".repeat(5001) })).rejects.toMatchObject({ issues: [{ message: "too_long" }] });
    await expect(updateProfile(ctx, { userId: anna.id, locale: "de" as "hu" })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
    // 5,000 visible characters are fine even though the browser sends each line break as two.
    await updateProfile(ctx, { userId: anna.id, emailSignature: "abcd\r\n".repeat(999) + "abcde" });
    expect((await getProfile(ctx, { userId: anna.id })).emailSignature).toHaveLength(5000);
  });

  it("does not let anyone, not even an admin, edit someone else's profile", async () => {
    const admin = { actor: actorOf(bela), db, now };
    await expect(updateProfile(admin, { userId: anna.id, lastName: "Hacked" })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(getProfile(admin, { userId: anna.id })).rejects.toMatchObject({ kind: "forbidden" });
    expect((await getProfile(ctx, { userId: anna.id })).lastName).toBe("Kiss");
  });
});
