import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cards, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { ctxFor, seedActor, seedCard, seedModule } from "./test-fixtures";
import { trashContact } from "./trash-contact";
import { updateContact } from "./update-contact";

describe("updateContact", () => {
  let db: Db;
  let actor: Actor;
  let personId: string;
  let companyId: string;
  let cardId: string;
  const base = { kind: "person", lastName: "Kiss", firstName: "Péter", emails: "peter@kiss.test", phones: "+36 20 111 2222" } as const;

  beforeAll(async () => {
    db = await createTestDb();
    actor = await seedActor(db, "user@acme.test", "normal");
    companyId = (await createContact(ctxFor(db, actor), { kind: "company", name: "Kiss és Társa Bt." })).contactId;
    personId = (await createContact(ctxFor(db, actor), base)).contactId;
    cardId = await seedCard(db, { name: "Website deal", module: await seedModule(db, "Sales"), contactIds: [personId] });
  });

  it("saves the new details, bumps the version and refreshes the linked cards' search text", async () => {
    const now = new Date("2026-11-28T08:00:00Z");
    const result = await updateContact(ctxFor(db, actor, now), {
      ...base,
      contactId: personId,
      version: "1",
      firstName: "Pál",
      companyId,
      emails: "pal@kiss.test",
    });
    expect(result).toEqual({ contactId: personId, version: 2, changed: ["name", "firstName", "companyId", "emails"] });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, personId));
    expect(row).toMatchObject({ name: "Kiss Pál", firstName: "Pál", companyId, emails: ["pal@kiss.test"], version: 2 });
    expect(row.updatedAt.toISOString()).toBe(now.toISOString());
    const [card] = await db.select({ searchText: cards.searchText }).from(cards).where(eq(cards.id, cardId));
    expect(card.searchText).toBe("website deal kiss pál pal@kiss.test +36 20 111 2222");
  });

  it("refuses a stale version and changes nothing", async () => {
    const before = await db.select().from(contacts).where(eq(contacts.id, personId));
    await expect(updateContact(ctxFor(db, actor), { ...base, contactId: personId, version: 1, lastName: "Nagy" })).rejects.toMatchObject({
      kind: "conflict",
      code: "contact_stale",
      details: { currentVersion: 2 },
    });
    expect(await db.select().from(contacts).where(eq(contacts.id, personId))).toEqual(before);
  });

  it("does not bump the version when nothing changed", async () => {
    const [row] = await db.select().from(contacts).where(eq(contacts.id, personId));
    const input = { kind: "person" as const, contactId: personId, version: row.version, lastName: row.lastName, firstName: row.firstName, companyId: row.companyId, emails: row.emails, phones: row.phones };
    expect(await updateContact(ctxFor(db, actor), input)).toEqual({ contactId: personId, version: row.version, changed: [] });
  });

  it("refuses to change the kind, to edit a trashed contact, or an unknown one", async () => {
    await expect(updateContact(ctxFor(db, actor), { contactId: companyId, version: 1, kind: "person", lastName: "X", firstName: "Y" })).rejects.toMatchObject({
      code: "contact_kind_fixed",
    });
    const gone = await createContact(ctxFor(db, actor), { kind: "company", name: "Gone Kft." });
    await trashContact(ctxFor(db, actor), { contactId: gone.contactId });
    await expect(updateContact(ctxFor(db, actor), { contactId: gone.contactId, version: 2, kind: "company", name: "Back" })).rejects.toMatchObject({
      code: "contact_trashed",
    });
    await expect(
      updateContact(ctxFor(db, actor), { contactId: "00000000-0000-4000-8000-000000000000", version: 1, kind: "company", name: "?" }),
    ).rejects.toMatchObject({ kind: "not_found", code: "contact_not_found" });
  });
});
