import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { getOrganisation } from "./organisation";
import { setupOrganisation } from "./setup-organisation";

const input = {
  organisationName: "Acme Kft.",
  timeZone: "Europe/Budapest",
  defaultLocale: "hu" as const,
  firstName: "Anna",
  lastName: "Kovács",
  email: "anna@acme.test",
  password: "correct horse battery",
};

describe("setupOrganisation", () => {
  it("creates the organisation and its first admin, then refuses any second attempt", async () => {
    const db = await createTestDb();
    const { userId } = await setupOrganisation(db, input);
    expect(await getOrganisation(db)).toMatchObject({ name: "Acme Kft.", timeZone: "Europe/Budapest", defaultLocale: "hu" });
    const [admin] = await db.select().from(users);
    expect(admin).toMatchObject({ id: userId, role: "admin", email: "anna@acme.test" });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);

    await expect(setupOrganisation(db, { ...input, email: "other@acme.test" })).rejects.toMatchObject({ code: "setup_done" });
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous attempts win", async () => {
    const db = await createTestDb();
    const results = await Promise.allSettled([
      setupOrganisation(db, input),
      setupOrganisation(db, { ...input, email: "second@acme.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(users)).toHaveLength(1);
  });
});
