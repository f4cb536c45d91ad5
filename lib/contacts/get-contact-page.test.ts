import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { getContactPageOrThrow } from "./get-contact-page";
import { ctxFor, seedActor, seedCard, seedGroup, seedModule } from "./test-fixtures";
import { trashContact } from "./trash-contact";

describe("getContactPageOrThrow", () => {
  let db: Db;
  let admin: Actor;
  let companyId: string;
  let personId: string;
  const ids: Record<string, string> = {};
  const people: Record<string, Actor> = {};

  beforeAll(async () => {
    db = await createTestDb();
    const north = await seedGroup(db, "North");
    const south = await seedGroup(db, "South");
    admin = await seedActor(db, "admin@acme.test", "admin");
    people.restricted = await seedActor(db, "restricted@acme.test", "restricted");
    people.colleague = await seedActor(db, "colleague@acme.test", "normal", [north]);
    people.southerner = await seedActor(db, "south@acme.test", "normal", [south]);
    people.groupRestricted = await seedActor(db, "gr@acme.test", "group_restricted", [north]);
    people.groupManager = await seedActor(db, "gm@acme.test", "group_manager", [south]);

    const ctx = ctxFor(db, admin);
    companyId = (await createContact(ctx, { kind: "company", name: "Globex Kft.", phones: "+36 1 555 0000" })).contactId;
    personId = (await createContact(ctx, { kind: "person", lastName: "Tóth", firstName: "Gábor", companyId, emails: "gabor@globex.test" })).contactId;
    await createContact(ctx, { kind: "person", lastName: "Arany", firstName: "Zsófia", companyId });
    const leaver = await createContact(ctx, { kind: "person", lastName: "Left", firstName: "Already", companyId });
    await trashContact(ctx, { contactId: leaver.contactId });

    const sales = await seedModule(db, "Sales", 0);
    const support = await seedModule(db, "Support", 1);
    const link = [companyId];
    ids.own = await seedCard(db, { name: "Restricted's own deal", module: sales, ownerId: people.restricted.id, contactIds: link });
    ids.unowned = await seedCard(db, { name: "Unowned ticket", module: support, ownerId: null, contactIds: link });
    ids.north = await seedCard(db, { name: "North colleague's deal", module: sales, ownerId: people.colleague.id, contactIds: link });
    ids.south = await seedCard(db, { name: "South colleague's ticket", module: support, ownerId: people.southerner.id, contactIds: link });
    await seedCard(db, { name: "Trashed card", module: sales, ownerId: null, contactIds: link, deleted: true });
    await seedCard(db, { name: "Other contact's card", module: sales, ownerId: null, contactIds: [personId] });
  });

  const visibleNames = async (actor: Actor) => (await getContactPageOrThrow(db, actor, companyId)).cards.map((c) => c.name).sort();

  it("shows a company with its live people and every card in every module", async () => {
    const page = await getContactPageOrThrow(db, admin, companyId);
    expect(page.contact).toMatchObject({ id: companyId, kind: "company", name: "Globex Kft.", phones: ["+36 1 555 0000"], version: 1, deletedAt: null });
    expect(page.contact).not.toHaveProperty("createdById");
    expect(page.company).toBeNull();
    expect(page.people.map((p) => p.name)).toEqual(["Arany Zsófia", "Tóth Gábor"]);
    expect(page.cards.map((c) => [c.moduleName, c.name])).toEqual([
      ["Sales", expect.any(String)],
      ["Sales", expect.any(String)],
      ["Support", expect.any(String)],
      ["Support", expect.any(String)],
    ]);
    const own = page.cards.find((c) => c.id === ids.own)!;
    expect(own).toMatchObject({ moduleName: "Sales", statusName: "Sales new", statusColor: "#16a34a", statusGroup: "open", ownerName: "Test restricted" });
    expect(page.cards.find((c) => c.id === ids.unowned)).toMatchObject({ ownerId: null, ownerName: null, moduleName: "Support" });
  });

  it("shows a person with their company and only their own cards", async () => {
    const page = await getContactPageOrThrow(db, admin, personId);
    expect(page.company).toEqual({ id: companyId, name: "Globex Kft.", deletedAt: null });
    expect(page.people).toEqual([]);
    expect(page.cards.map((c) => c.name)).toEqual(["Other contact's card"]);
  });

  it("scopes the cards by role: a Restricted user sees only their own and unowned cards", async () => {
    expect(await visibleNames(people.restricted)).toEqual(["Restricted's own deal", "Unowned ticket"]);
  });

  it("scopes by group: group restricted sees their groups' and unowned cards, a group manager their groups' cards", async () => {
    expect(await visibleNames(people.groupRestricted)).toEqual(["North colleague's deal", "Unowned ticket"]);
    expect(await visibleNames(people.groupManager)).toEqual(["South colleague's ticket"]);
    expect(await visibleNames(people.colleague)).toHaveLength(4);
  });

  it("still shows a trashed contact (flagged), and NotFound for an unknown or malformed id", async () => {
    const gone = await createContact(ctxFor(db, admin), { kind: "company", name: "Gone Kft." });
    await trashContact(ctxFor(db, admin), { contactId: gone.contactId });
    expect((await getContactPageOrThrow(db, admin, gone.contactId)).contact.deletedAt).toBeInstanceOf(Date);
    await expect(getContactPageOrThrow(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "contact_not_found" });
    await expect(getContactPageOrThrow(db, admin, "not-a-uuid")).rejects.toMatchObject({ code: "contact_not_found" });
  });
});
