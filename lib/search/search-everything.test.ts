import { beforeAll, describe, expect, it } from "vitest";
import { modules, statuses } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { trashCard } from "@/lib/cards/trash-card";
import { createContact } from "@/lib/contacts/create-contact";
import { DomainError } from "@/lib/errors";
import { archiveModule } from "@/lib/modules/archive-module";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { searchEverything, searchGroupLimits, type SearchResults } from "./search-everything";

describe("searchEverything", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let actors: Awaited<ReturnType<typeof seedCrm>>["actors"];
  let serviceId: string;

  beforeAll(async () => {
    crm = await seedCrm(db);
    actors = crm.actors;
    const { admin, restricted, normal } = actors;
    const [service] = await db.insert(modules).values({ name: "Customer service", position: 1 }).returning();
    await db.insert(statuses).values({ moduleId: service.id, name: "New ticket", color: "#2563eb" });
    serviceId = service.id;
    const [archived] = await db.insert(modules).values({ name: "Old pipeline", position: 2 }).returning();
    await db.insert(statuses).values({ moduleId: archived.id, name: "Open" });

    const contact = async (input: Parameters<typeof createContact>[1]) => (await createContact(ctx(db, admin), input)).contactId;
    const omega = await contact({ kind: "company", name: "Omega Kft.", emails: "info@omega.test" });
    const anna = await contact({ kind: "person", lastName: "Kovács", firstName: "Anna", companyId: omega, emails: "anna@omega.test", phones: "+36 (30) 123-4567" });
    const shadow = await contact({ kind: "company", name: "Shadow Zrt." });
    const bela = await contact({ kind: "person", lastName: "Secret", firstName: "Béla", emails: "bela@shadow.test", phones: "+36 20 999 8888" });
    // Unlinked: everyone sees him, but his company is linked only to another salesperson's card.
    await contact({ kind: "person", lastName: "Free", firstName: "Zoltán", companyId: shadow, phones: "+36 1 555 0101" });

    const card = async (actor: Actor, moduleId: string, name: string, extra: Record<string, unknown> = {}, at?: Date) =>
      (await createCard(ctx(db, actor, at), { moduleId, name, ...extra })).cardId;
    await card(restricted, crm.module.id, "Alpha webshop", { contactIds: [omega, anna] });
    await card(admin, serviceId, "Alpha invoice question", { ownerId: null });
    await card(normal, crm.module.id, "Alpha foreign deal", { contactIds: [shadow, bela] });
    const trashed = await card(restricted, crm.module.id, "Alpha trashed deal");
    await trashCard(ctx(db, admin), { cardId: trashed });
    await card(admin, archived.id, "Alpha archived deal", { ownerId: restricted.id });
    await archiveModule(ctx(db, admin), { moduleId: archived.id });
    for (let i = 0; i < 10; i++) await card(admin, serviceId, `Beta ticket ${i}`, { ownerId: null });
    await card(admin, serviceId, "Gamma at the start", { ownerId: null }, new Date("2026-05-01T10:00:00Z"));
    await card(admin, serviceId, "100% Gamma", { ownerId: null }, new Date("2026-05-02T10:00:00Z"));
    await card(admin, serviceId, "100x Gamma", { ownerId: null }, new Date("2026-05-03T10:00:00Z"));
  });

  const search = (actor: Actor, q: unknown) => searchEverything(ctx(db, actor), { q } as { q: string });
  const cardNames = (r: SearchResults) => r.cards.items.map((c) => c.name).sort();
  const names = (g: SearchResults["persons"]) => g.items.map((c) => c.name);

  it("finds a Restricted user's own and unowned cards across active modules, not another's, trashed or archived ones", async () => {
    const r = await search(actors.restricted, "alpha");
    expect(cardNames(r)).toEqual(["Alpha invoice question", "Alpha webshop"]);
    const hit = r.cards.items.find((c) => c.name === "Alpha webshop")!;
    expect(hit).toEqual({ id: expect.any(String), name: "Alpha webshop", module: { id: crm.module.id, name: "Sales HU" }, status: { name: "New lead", color: expect.any(String) } });
    expect(r.cards.items.find((c) => c.name === "Alpha invoice question")!.module).toEqual({ id: serviceId, name: "Customer service" });

    expect(cardNames(await search(actors.admin, "alpha"))).toEqual(["Alpha foreign deal", "Alpha invoice question", "Alpha webshop"]);
    expect(cardNames(await search(actors.otherRestricted, "alpha"))).toEqual(["Alpha invoice question"]);
  });

  it("finds cards and contacts by a contact's name, email and phone digits", async () => {
    const byName = await search(actors.restricted, "anna kovács");
    expect(cardNames(byName)).toEqual(["Alpha webshop"]);
    expect(byName.persons.items).toEqual([{ id: expect.any(String), name: "Kovács Anna", companyName: "Omega Kft.", email: "anna@omega.test", phone: "+36 (30) 123-4567" }]);

    const byEmail = await search(actors.restricted, "anna@omega");
    expect(cardNames(byEmail)).toEqual(["Alpha webshop"]);
    expect(names(byEmail.persons)).toEqual(["Kovács Anna"]);
    expect(names((await search(actors.restricted, "info@omega.test")).companies)).toEqual(["Omega Kft."]);

    // Written differently from how it was stored: compared digit by digit.
    expect(names((await search(actors.restricted, "30 1234567")).persons)).toEqual(["Kovács Anna"]);
    expect(names((await search(actors.restricted, "+36-1-555")).persons)).toEqual(["Free Zoltán"]);
  });

  it("shows a Restricted user only the contacts of cards he can see or of no card, and hides a hidden company's name", async () => {
    const hidden = await search(actors.restricted, "secret");
    expect(names(hidden.persons)).toEqual([]);
    expect(hidden.cards.items).toEqual([]);
    expect(names((await search(actors.restricted, "bela@shadow")).persons)).toEqual([]);
    expect(names((await search(actors.restricted, "20 999 8888")).persons)).toEqual([]);
    expect(names((await search(actors.restricted, "shadow")).companies)).toEqual([]);
    expect((await search(actors.restricted, "zoltán")).persons.items).toEqual([expect.objectContaining({ name: "Free Zoltán", companyName: null })]);

    expect(names((await search(actors.admin, "secret")).persons)).toEqual(["Secret Béla"]);
    expect(names((await search(actors.admin, "shadow")).companies)).toEqual(["Shadow Zrt."]);
    expect((await search(actors.admin, "zoltán")).persons.items).toEqual([expect.objectContaining({ name: "Free Zoltán", companyName: "Shadow Zrt." })]);
  });

  it("caps each group, says there is more, and puts names starting with the query first", async () => {
    const r = await search(actors.restricted, "ticket");
    expect(r.cards.items).toHaveLength(searchGroupLimits.cards);
    expect(r.cards.more).toBe(true);
    expect((await search(actors.restricted, "alpha")).cards.more).toBe(false);

    const gamma = await search(actors.admin, "gamma");
    // The oldest first, as its name starts with the word; then the newest.
    expect(gamma.cards.items.map((c) => c.name)).toEqual(["Gamma at the start", "100x Gamma", "100% Gamma"]);
    expect((await search(actors.admin, "100%")).cards.items.map((c) => c.name)).toEqual(["100% Gamma"]); // % taken literally
  });

  it("finds nothing for a query under two characters, and refuses bad input as invalid", async () => {
    expect(await search(actors.admin, " a ")).toEqual({
      cards: { items: [], more: false },
      companies: { items: [], more: false },
      persons: { items: [], more: false },
    });
    for (const [q, code] of [
      [42, "invalid_input"],
      [undefined, "invalid_input"],
      ["x".repeat(201), "too_long"],
    ] as const) {
      const error = await search(actors.admin, q).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "invalid", code });
    }
  });
});
