import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contacts, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { getCardPageOrThrow } from "@/lib/cards/get-card-page";
import { linkContact } from "@/lib/cards/link-contact";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createContact } from "./create-contact";
import { findDuplicateContacts } from "./find-duplicate-contacts";
import { getContactPageOrThrow } from "./get-contact-page";
import { hasContacts, listContacts } from "./list-contacts";
import { visibleContactsCondition } from "./scope";
import { seedCard, seedContact } from "./test-fixtures";
import { trashContact } from "./trash-contact";
import { updateContact } from "./update-contact";

type Crm = Awaited<ReturnType<typeof seedCrm>>;
/** Whose cards a contact is linked to: the rule's cases. */
type Link = "colleague" | "own" | "group" | "unowned" | "none" | "trashed";
type Verb = "list" | "page" | "picker" | "duplicates" | "update" | "trash" | "link";

const sixRoles = ["admin", "manager", "normal", "group_manager", "restricted", "group_restricted"] as const satisfies Role[];
const actorOf = (crm: Crm, role: (typeof sixRoles)[number]): Actor =>
  ({
    admin: crm.actors.admin,
    manager: crm.actors.manager,
    normal: crm.actors.normal,
    group_manager: crm.actors.groupManagerHu,
    restricted: crm.actors.restricted, // Hungary
    group_restricted: crm.actors.groupRestrictedRo, // Romania
  })[role];

/**
 * Who may see a contact linked to… (SPEC §1): roles that see every card see every contact; the
 * Restricted (Hungary) and the Group restricted (Romania) user only those linked to a live card they
 * see — their own, an unowned one, (group restricted) a group colleague's — or to no card at all.
 * "colleague": a Hungarian normal user's card; "own": the Restricted user's card; "group": a Romanian
 * restricted user's card; "trashed": only a trashed unowned card (restorable, so it still hides).
 */
const visibleTo: Record<Link, readonly Role[]> = {
  colleague: ["admin", "manager", "normal", "group_manager"],
  own: ["admin", "manager", "normal", "group_manager", "restricted"],
  group: ["admin", "manager", "normal", "group_manager", "group_restricted"],
  unowned: sixRoles,
  none: sixRoles,
  trashed: ["admin", "manager", "normal", "group_manager"],
};
const mayTrash: readonly Role[] = ["admin", "manager", "normal", "group_manager"];

describe("contact scope: every role × every contact verb, for each kind of link", () => {
  let db: Db;
  let crm: Crm;
  const ownCard = {} as Record<Role, string>;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDb();
    crm = await seedCrm(db);
    for (const role of sixRoles) {
      const actor = actorOf(crm, role);
      ownCard[role] = (await createCard(ctx(db, actor), { moduleId: crm.module.id, name: `Own card of ${role}`, ownerId: actor.id })).cardId;
    }
  });

  const pipeline = () => ({ moduleId: crm.module.id, statusId: crm.statuses.lead.id });
  async function seedLinked(link: Link) {
    const tag = `c${++n}`;
    const name = `Customer ${tag} ${link}`;
    const email = `${tag}@customer.test`;
    const contactId = await seedContact(db, { name, email, taxNumber: `TAX-${tag}` });
    const owner = { colleague: crm.actors.normal.id, own: crm.actors.restricted.id, group: crm.actors.otherRestricted.id, unowned: null, trashed: null }[
      link as Exclude<Link, "none">
    ];
    if (link !== "none") await seedCard(db, { name: `Deal ${tag}`, module: pipeline(), ownerId: owner ?? null, contactIds: [contactId], deleted: link === "trashed" });
    return { contactId, name, email, tag };
  }

  /** Resolves to whether the verb reached the contact; rejects with the domain error when refused. */
  async function run(verb: Verb, role: (typeof sixRoles)[number], contact: Awaited<ReturnType<typeof seedLinked>>): Promise<boolean> {
    const actor = actorOf(crm, role);
    const c = ctx(db, actor);
    switch (verb) {
      case "list": {
        let cursor: string | undefined;
        do {
          const page = await listContacts(c, { limit: 100, cursor });
          if (page.items.some((i) => i.id === contact.contactId)) return true;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return false;
      }
      case "picker": // the picker's search-as-you-type (searchContactsAction), by name and by email
        return (
          (await listContacts(c, { q: contact.name, limit: 10 })).items.some((i) => i.id === contact.contactId) ||
          (await listContacts(c, { q: contact.email, limit: 10 })).items.some((i) => i.id === contact.contactId)
        );
      case "duplicates": {
        const found = await findDuplicateContacts(c, { emails: contact.email, taxNumber: `TAX-${contact.tag}`, kind: "company" });
        expect(found).toHaveLength(1);
        if (found[0].hidden) {
          // Only what matched: no id, name, email or tax number of a hidden contact.
          expect(found[0]).toEqual({ hidden: true, matchedBy: ["email", "tax_number"] });
          expect(JSON.stringify(found)).not.toContain(contact.tag);
          return false;
        }
        expect(found[0]).toMatchObject({ id: contact.contactId, name: contact.name, emails: [contact.email] });
        return true;
      }
      case "page":
        return (await getContactPageOrThrow(db, actor, contact.contactId)).contact.id === contact.contactId;
      case "update":
        await updateContact(c, { contactId: contact.contactId, version: 1, kind: "company", name: `${contact.name} renamed` });
        return true;
      case "trash":
        await trashContact(c, { contactId: contact.contactId });
        return true;
      case "link":
        await linkContact(c, { cardId: ownCard[role], contactId: contact.contactId });
        return true;
    }
  }

  const links = Object.keys(visibleTo) as Link[];
  const verbs: Verb[] = ["list", "page", "picker", "duplicates", "update", "trash", "link"];
  for (const link of links) {
    for (const role of sixRoles) {
      const sees = visibleTo[link].includes(role);
      for (const verb of verbs) {
        const allowed = sees && (verb !== "trash" || mayTrash.includes(role));
        it(`${link} contact × ${role} × ${verb}: ${allowed ? "allowed" : "denied"}`, async () => {
          const contact = await seedLinked(link);
          const outcome = run(verb, role, contact);
          if (allowed) return expect(outcome).resolves.toBe(true);
          if (verb === "list" || verb === "picker" || verb === "duplicates") return expect(outcome).resolves.toBe(false);
          // A role that may never trash is refused as such; a hidden contact is "not found", never "forbidden".
          if (verb === "trash" && !mayTrash.includes(role)) return expect(outcome).rejects.toMatchObject({ kind: "forbidden" });
          await expect(outcome).rejects.toMatchObject({ kind: "not_found", code: "contact_not_found" });
          // …and nothing was written.
          const [row] = await db.select().from(contacts).where(eq(contacts.id, contact.contactId));
          expect(row).toMatchObject({ name: contact.name, version: 1, deletedAt: null });
        });
      }
    }
  }
});

describe("contact scope: companies, people and links around a hidden contact", () => {
  let db: Db;
  let crm: Crm;
  let hiddenCompanyId: string;
  let myPersonId: string;
  let hiddenPersonId: string;
  let myCompanyId: string;
  let myCardId: string;
  beforeAll(async () => {
    db = await createTestDb();
    crm = await seedCrm(db);
    const pipeline = { moduleId: crm.module.id, statusId: crm.statuses.lead.id };
    // A colleague's customer company, and a person of it on the Restricted user's own card.
    hiddenCompanyId = await seedContact(db, { name: "Secret Zrt.", email: "info@secret.test" });
    myPersonId = await seedContact(db, { name: "Kovács Anna", email: "anna@secret.test", companyId: hiddenCompanyId });
    await seedCard(db, { name: "Colleague's deal", module: pipeline, ownerId: crm.actors.normal.id, contactIds: [hiddenCompanyId] });
    myCardId = await seedCard(db, { name: "My deal", module: pipeline, ownerId: crm.actors.restricted.id, contactIds: [myPersonId] });
    // The Restricted user's company, with one of its people on a colleague's card.
    myCompanyId = await seedContact(db, { name: "Mine Kft.", email: "info@mine.test" });
    hiddenPersonId = await seedContact(db, { name: "Titkos Tamás", email: "tamas@mine.test", companyId: myCompanyId });
    await seedCard(db, { name: "Mine deal", module: pipeline, ownerId: crm.actors.restricted.id, contactIds: [myCompanyId] });
    await seedCard(db, { name: "Colleague's other deal", module: pipeline, ownerId: crm.actors.normal.id, contactIds: [hiddenPersonId] });
  });

  it("a person's page, list row and card-page panel do not name a company the user may not see", async () => {
    const restricted = crm.actors.restricted;
    const page = await getContactPageOrThrow(db, restricted, myPersonId);
    expect(page.company).toBeNull();
    expect(page.contact.companyId).toBeNull();
    const row = (await listContacts(ctx(db, restricted), { q: "Kovács" })).items.find((i) => i.id === myPersonId);
    expect(row).toMatchObject({ companyId: null, companyName: null });
    const cardPage = await getCardPageOrThrow(db, restricted, myCardId, { now: new Date(), timeZone: "Europe/Budapest" });
    expect(cardPage.contacts).toEqual([expect.objectContaining({ id: myPersonId, company: null })]);
    // The admin sees the company everywhere.
    expect((await getContactPageOrThrow(db, crm.actors.admin, myPersonId)).company).toMatchObject({ id: hiddenCompanyId, name: "Secret Zrt." });
  });

  it("a company's page lists only the people the user may see", async () => {
    expect((await getContactPageOrThrow(db, crm.actors.restricted, myCompanyId)).people).toEqual([]);
    expect((await getContactPageOrThrow(db, crm.actors.manager, myCompanyId)).people.map((p) => p.id)).toEqual([hiddenPersonId]);
  });

  it("saving a person keeps the hidden company the form never showed, and a hidden company cannot be chosen", async () => {
    const c = ctx(db, crm.actors.restricted);
    await updateContact(c, { contactId: myPersonId, version: 1, kind: "person", lastName: "Kovács", firstName: "Anna B.", companyId: "", emails: "anna@secret.test" });
    const [row] = await db.select().from(contacts).where(eq(contacts.id, myPersonId));
    expect(row).toMatchObject({ companyId: hiddenCompanyId, firstName: "Anna B.", version: 2 });
    await expect(createContact(c, { kind: "person", lastName: "New", firstName: "Person", companyId: hiddenCompanyId })).rejects.toMatchObject({
      code: "contact_company_invalid",
    });
    await expect(
      createCard(c, { moduleId: crm.module.id, name: "Sneaky", newContacts: JSON.stringify([{ kind: "person", lastName: "X", companyId: hiddenCompanyId }]) }),
    ).rejects.toMatchObject({ code: "contact_company_invalid" });
  });

  it("a new card cannot link a hidden contact (not found), nor can a card link it", async () => {
    const c = ctx(db, crm.actors.restricted);
    await expect(createCard(c, { moduleId: crm.module.id, name: "Sneaky", contactIds: JSON.stringify([hiddenCompanyId]) })).rejects.toMatchObject({
      code: "contact_not_found",
    });
    await expect(linkContact(c, { cardId: myCardId, contactId: hiddenCompanyId })).rejects.toMatchObject({ kind: "not_found", code: "contact_not_found" });
    // A normal user may.
    await expect(createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Fine", contactIds: JSON.stringify([hiddenCompanyId]) })).resolves.toBeDefined();
  });

  it("'nothing yet' counts only visible contacts", async () => {
    const fresh = await createTestDb();
    const freshCrm = await seedCrm(fresh);
    const id = await seedContact(fresh, { name: "Only one" });
    await seedCard(fresh, { name: "Theirs", module: { moduleId: freshCrm.module.id, statusId: freshCrm.statuses.lead.id }, ownerId: freshCrm.actors.normal.id, contactIds: [id] });
    expect(await hasContacts(ctx(fresh, freshCrm.actors.restricted))).toBe(false);
    expect(await hasContacts(ctx(fresh, freshCrm.actors.normal))).toBe(true);
  });

  it("the condition is absent for roles that see every contact, and a pure condition for the others", async () => {
    for (const role of ["admin", "manager", "normal", "group_manager"] as const) expect(visibleContactsCondition({ id: "x", role, groupIds: [] })).toBeUndefined();
    const count = async (actor: Actor) =>
      (await db.select({ id: contacts.id }).from(contacts).where(and(visibleContactsCondition(actor)))).length;
    expect(await count(crm.actors.restricted)).toBe(2); // Kovács Anna, Mine Kft.
    expect(await count(crm.actors.admin)).toBe(4);
  });
});
