import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { ctxFor, seedActor } from "./test-fixtures";
import { trashContact } from "./trash-contact";

describe("createContact", () => {
  let db: Db;
  let actor: Actor;
  beforeAll(async () => {
    db = await createTestDb();
    actor = await seedActor(db, "sales@acme.test", "restricted");
  });

  it("creates a company, then a person of that company with normalised emails and phones", async () => {
    const now = new Date("2026-11-27T09:00:00Z");
    const company = await createContact(ctxFor(db, actor, now), {
      kind: "company",
      name: "  Nordlicht Kft. ",
      emails: "Info@Nordlicht.test; sales@nordlicht.test",
      taxNumber: "12345678-2-42",
    });
    expect(company).toMatchObject({ kind: "company", name: "Nordlicht Kft.", companyId: null });

    const person = await createContact(ctxFor(db, actor, now), {
      kind: "person",
      lastName: "Kovács",
      firstName: "Anna",
      companyId: company.contactId,
      emails: ["Anna@Nordlicht.test"],
      phones: "+36 30 123 4567\n+36 1 234 5678",
    });
    expect(person).toMatchObject({ kind: "person", name: "Kovács Anna", companyId: company.contactId });

    const [row] = await db.select().from(contacts).where(eq(contacts.id, person.contactId));
    expect(row).toMatchObject({
      emails: ["anna@nordlicht.test"],
      phones: ["+36 30 123 4567", "+36 1 234 5678"],
      createdById: actor.id,
      version: 1,
      deletedAt: null,
    });
    expect(row.createdAt.toISOString()).toBe(now.toISOString());
  });

  it("takes a form's empty company as none", async () => {
    const person = await createContact(ctxFor(db, actor), { kind: "person", lastName: "Free", firstName: "Lancer", companyId: "" });
    expect(person.companyId).toBeNull();
  });

  it("refuses a person whose company is unknown, a person, or in the trash", async () => {
    const person = await createContact(ctxFor(db, actor), { kind: "person", lastName: "Solo", firstName: "Han" });
    const trashed = await createContact(ctxFor(db, actor), { kind: "company", name: "Gone Ltd." });
    await trashContact(ctxFor(db, await seedActor(db, "boss@acme.test", "manager")), { contactId: trashed.contactId });
    for (const companyId of [person.contactId, trashed.contactId, "00000000-0000-4000-8000-000000000000"]) {
      await expect(
        createContact(ctxFor(db, actor), { kind: "person", lastName: "Nobody", firstName: "X", companyId }),
      ).rejects.toMatchObject({ code: "contact_company_invalid", fields: { companyId: "contact_company_invalid" } });
    }
    expect(await db.select().from(contacts).where(eq(contacts.lastName, "Nobody"))).toHaveLength(0);
  });

  it("validates: a name is required, emails and phones must look right", async () => {
    await expect(createContact(ctxFor(db, actor), { kind: "company", name: " " })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["name"], message: "required" })],
    });
    await expect(createContact(ctxFor(db, actor), { kind: "person", firstName: "A", lastName: "B", emails: "not-an-email" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "invalid_email" })],
    });
    await expect(createContact(ctxFor(db, actor), { kind: "person", firstName: "A", lastName: "B", phones: "call me" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "invalid_phone" })],
    });
  });

  it("refuses a duplicate email or tax number unless told to create anyway", async () => {
    await expect(createContact(ctxFor(db, actor), { kind: "person", lastName: "Kovács", firstName: "Anna", emails: "ANNA@nordlicht.test" })).rejects.toMatchObject({
      kind: "conflict",
      code: "contact_duplicate",
      details: { duplicates: [expect.objectContaining({ name: "Kovács Anna", matchedBy: ["email"], companyName: "Nordlicht Kft." })] },
    });
    await expect(createContact(ctxFor(db, actor), { kind: "company", name: "Other", taxNumber: "12345678-2-42" })).rejects.toMatchObject({
      code: "contact_duplicate",
      details: { duplicates: [expect.objectContaining({ name: "Nordlicht Kft.", matchedBy: ["tax_number"] })] },
    });
    const anyway = await createContact(ctxFor(db, actor), {
      kind: "person",
      lastName: "Kovács",
      firstName: "Anna",
      emails: "anna@nordlicht.test",
      ignoreDuplicates: "1",
    });
    expect(anyway.name).toBe("Kovács Anna");
    expect(await db.select().from(contacts).where(eq(contacts.name, "Kovács Anna"))).toHaveLength(2);
  });
});
