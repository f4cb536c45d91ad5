import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { hasContacts, listContacts } from "./list-contacts";
import { ctxFor, seedActor } from "./test-fixtures";
import { trashContact } from "./trash-contact";

describe("listContacts", () => {
  let db: Db;
  let actor: Actor;
  let acmeId: string;

  beforeAll(async () => {
    db = await createTestDb();
    actor = await seedActor(db, "restricted@acme.test", "restricted");
    const ctx = ctxFor(db, actor);
    expect(await hasContacts(ctx)).toBe(false);
    acmeId = (await createContact(ctx, { kind: "company", name: "Acme 100% Kft.", emails: "info@acme.test" })).contactId;
    await createContact(ctx, { kind: "person", lastName: "Kovács", firstName: "Anna", companyId: acmeId, emails: "anna@acme.test", phones: "+36 (30) 123-4567" });
    await createContact(ctx, { kind: "person", lastName: "Kovács", firstName: "Béla", emails: "bela@other.test", phones: "+36 20 999 8888" });
    await createContact(ctx, { kind: "company", name: "Zeta_Bt.", ignoreDuplicates: true });
    for (let i = 0; i < 12; i++) await createContact(ctx, { kind: "company", name: `Bulk ${String(i).padStart(2, "0")}` });
    const gone = await createContact(ctx, { kind: "person", lastName: "Kovács", firstName: "Trashed" });
    await trashContact(ctxFor(db, await seedActor(db, "m@acme.test", "manager")), { contactId: gone.contactId });
  });

  const names = async (input: Parameters<typeof listContacts>[1]) => (await listContacts(ctxFor(db, actor), input)).items.map((c) => c.name);

  it("lists live contacts by name with their company, to every role", async () => {
    const page = await listContacts(ctxFor(db, actor), { q: "anna" });
    expect(page).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: "person",
          name: "Kovács Anna",
          companyId: acmeId,
          companyName: "Acme 100% Kft.",
          emails: ["anna@acme.test"],
          phones: ["+36 (30) 123-4567"],
        },
      ],
      nextCursor: null,
    });
    expect(await hasContacts(ctxFor(db, actor))).toBe(true);
  });

  it("searches names case-insensitively in any word order, and filters by kind", async () => {
    expect(await names({ q: "KOVÁCS" })).toEqual(["Kovács Anna", "Kovács Béla"]);
    expect(await names({ q: "béla kovács" })).toEqual(["Kovács Béla"]);
    expect(await names({ q: "kovács", kind: "company" })).toEqual([]);
    expect(await names({ q: "acme", kind: "company" })).toEqual(["Acme 100% Kft."]);
  });

  it("takes % and _ literally", async () => {
    expect(await names({ q: "100%" })).toEqual(["Acme 100% Kft."]);
    // Unescaped, "e_a" would match "Zeta" and "100_" would match "100%".
    expect(await names({ q: "e_a" })).toEqual([]);
    expect(await names({ q: "100_" })).toEqual([]);
    expect(await names({ q: "zeta_" })).toEqual(["Zeta_Bt."]);
  });

  it("searches emails and phones (digits only, whatever the formatting)", async () => {
    expect(await names({ q: "@other.test" })).toEqual(["Kovács Béla"]);
    expect(await names({ q: "acme.test" })).toEqual(["Acme 100% Kft.", "Kovács Anna"]);
    expect(await names({ q: "30 123 45" })).toEqual(["Kovács Anna"]);
    expect(await names({ q: "+36301234567" })).toEqual(["Kovács Anna"]);
    expect(await names({ q: "36" })).toEqual([]);
  });

  it("pages with a keyset cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listContacts(ctxFor(db, actor), { limit: 5, cursor });
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
    expect(seen.slice(0, 3)).toEqual(["Acme 100% Kft.", "Bulk 00", "Bulk 01"]);
    expect(seen.at(-1)).toBe("Zeta_Bt.");

    const filtered = await listContacts(ctxFor(db, actor), { q: "bulk", limit: 10 });
    expect(filtered.items).toHaveLength(10);
    const rest = await listContacts(ctxFor(db, actor), { q: "bulk", limit: 10, cursor: filtered.nextCursor! });
    expect(rest.items.map((c) => c.name)).toEqual(["Bulk 10", "Bulk 11"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses a forged cursor", async () => {
    await expect(listContacts(ctxFor(db, actor), { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
