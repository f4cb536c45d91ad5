import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cards, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { listContacts } from "./list-contacts";
import { restoreContact } from "./restore-contact";
import { ctxFor, seedActor, seedCard, seedModule } from "./test-fixtures";
import { trashContact } from "./trash-contact";

describe("trashContact and restoreContact", () => {
  let db: Db;
  let manager: Actor;
  let contactId: string;
  let cardId: string;
  const searchText = async () => (await db.select({ s: cards.searchText }).from(cards).where(eq(cards.id, cardId)))[0].s;

  beforeAll(async () => {
    db = await createTestDb();
    manager = await seedActor(db, "manager@acme.test", "manager");
    contactId = (await createContact(ctxFor(db, manager), { kind: "company", name: "Trash Me Zrt.", emails: "hello@trashme.test" })).contactId;
    cardId = await seedCard(db, { name: "Deal", module: await seedModule(db, "Sales"), contactIds: [contactId] });
  });

  it("lets only roles allowed to trash do it", async () => {
    for (const role of ["restricted", "group_restricted"] as const) {
      const actor = await seedActor(db, `${role}@acme.test`, role);
      await expect(trashContact(ctxFor(db, actor), { contactId })).rejects.toMatchObject({ kind: "forbidden" });
      await expect(restoreContact(ctxFor(db, actor), { contactId })).rejects.toMatchObject({ kind: "forbidden" });
    }
    const normal = await seedActor(db, "normal@acme.test", "normal");
    await expect(restoreContact(ctxFor(db, normal), { contactId })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("moves the contact to the trash: gone from lists and from its cards' search text, links kept", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    expect(await trashContact(ctxFor(db, manager, now), { contactId })).toEqual({ contactId, name: "Trash Me Zrt.", version: 2 });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(row.deletedAt?.toISOString()).toBe(now.toISOString());
    expect(row.deletedById).toBe(manager.id);
    expect(await searchText()).toBe("deal");
    expect((await listContacts(ctxFor(db, manager))).items).toEqual([]);
    // Trashing again changes nothing.
    expect(await trashContact(ctxFor(db, manager), { contactId })).toEqual({ contactId, name: "Trash Me Zrt.", version: 2 });
  });

  it("restores it with everything it had", async () => {
    expect(await restoreContact(ctxFor(db, manager), { contactId })).toEqual({ contactId, name: "Trash Me Zrt.", version: 3 });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(row).toMatchObject({ deletedAt: null, deletedById: null, emails: ["hello@trashme.test"] });
    expect(await searchText()).toBe("deal trash me zrt. hello@trashme.test ");
    expect((await listContacts(ctxFor(db, manager))).items.map((c) => c.id)).toEqual([contactId]);
  });

  it("says NotFound for an unknown contact", async () => {
    await expect(trashContact(ctxFor(db, manager), { contactId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ kind: "not_found" });
  });
});
