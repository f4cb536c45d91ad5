import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cardContacts, cards, contacts, history } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createCard } from "./create-card";
import { linkContact, unlinkContact } from "./link-contact";
import { restoreCard, trashCard } from "./trash-card";
import { updateCard } from "./update-card";

describe("card verbs", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  beforeAll(async () => {
    crm = await seedCrm(db);
  });
  const historyOf = (cardId: string) => db.select().from(history).where(eq(history.cardId, cardId)).orderBy(asc(history.id));

  it("creates a card with a new company and person, links them, and writes the history in one go", async () => {
    const { cardId } = await createCard(ctx(db, crm.actors.normal), {
      moduleId: crm.module.id,
      name: "Website relaunch",
      values: { [crm.fields.budget.id]: { amount: 1200000, currency: "HUF" }, [crm.fields.source.id]: "web" },
      newContacts: [
        { kind: "company", name: "Duna Bt.", emails: ["info@duna.hu"] },
        { kind: "person", firstName: "Péter", lastName: "Nagy", emails: ["Peter.Nagy@Duna.hu"], phones: ["+36 30 123 4567"] },
      ],
    });
    const [card] = await db.select().from(cards).where(eq(cards.id, cardId));
    expect(card).toMatchObject({ name: "Website relaunch", statusId: crm.statuses.lead.id, ownerId: crm.actors.normal.id, version: 1 });
    expect(card.searchText).toContain("peter.nagy@duna.hu");
    expect(card.searchText).toContain("duna bt.");
    expect(await db.select().from(cardContacts).where(eq(cardContacts.cardId, cardId))).toHaveLength(2);
    // One entry for the card and the contacts it was created with.
    const [created, ...rest] = await historyOf(cardId);
    expect(rest).toEqual([]);
    expect(created.kind).toBe("card_created");
    expect((created.data.contacts as { name: string }[]).map((c) => c.name)).toEqual(["Duna Bt.", "Nagy Péter"]);
  });

  it("refuses bad field values per field and writes nothing", async () => {
    const before = await db.select().from(cards);
    await expect(
      createCard(ctx(db, crm.actors.normal), {
        moduleId: crm.module.id,
        name: "Bad",
        values: { [crm.fields.source.id]: "tv", [crm.fields.website.id]: "javascript:alert(1)" },
      }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { [`values.${crm.fields.source.id}`]: "invalid_choice", [`values.${crm.fields.website.id}`]: "invalid_url" } });
    expect(await db.select().from(cards)).toHaveLength(before.length);
  });

  it("records every change as old → new and refuses a stale version, listing what changed", async () => {
    const { cardId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Deal" });
    const anna = ctx(db, crm.actors.normal);
    const bela = ctx(db, crm.actors.manager);
    await updateCard(anna, { cardId, version: 1, name: "Deal 2", statusId: crm.statuses.offer.id, values: { [crm.fields.source.id]: "fair" } });

    await expect(updateCard(bela, { cardId, version: 1, name: "Overwrite" })).rejects.toMatchObject({
      kind: "conflict",
      code: "card_stale",
      details: { currentVersion: 2, changes: expect.arrayContaining([expect.objectContaining({ kind: "status_changed" })]) },
    });
    const [card] = await db.select().from(cards).where(eq(cards.id, cardId));
    expect(card).toMatchObject({ name: "Deal 2", version: 2, statusId: crm.statuses.offer.id });

    await updateCard(bela, { cardId, version: 2, ownerId: crm.actors.manager.id });
    const rows = await historyOf(cardId);
    expect(rows.map((h) => [h.kind, h.actorId])).toEqual([
      ["card_created", crm.actors.normal.id],
      ["name_changed", crm.actors.normal.id],
      ["status_changed", crm.actors.normal.id],
      ["field_changed", crm.actors.normal.id],
      ["owner_changed", crm.actors.manager.id],
    ]);
    expect(rows[1].data).toMatchObject({ old: "Deal", new: "Deal 2" });
    expect(rows[3].data).toMatchObject({ fieldName: "Source", old: null, new: "fair" });
    expect(rows[4].data).toMatchObject({ old: crm.actors.normal.id, new: crm.actors.manager.id });
  });

  it("links and unlinks contacts with history, trashes and restores with history", async () => {
    const { cardId } = await createCard(ctx(db, crm.actors.admin), { moduleId: crm.module.id, name: "Linker" });
    const [contact] = await db.insert(contacts).values({ kind: "company", name: "Tisza Zrt.", emails: ["hello@tisza.hu"] }).returning();
    await linkContact(ctx(db, crm.actors.admin), { cardId, contactId: contact.id });
    await linkContact(ctx(db, crm.actors.admin), { cardId, contactId: contact.id }); // twice: no duplicate, no second entry
    expect((await db.select().from(cards).where(eq(cards.id, cardId)))[0].searchText).toContain("hello@tisza.hu");
    await unlinkContact(ctx(db, crm.actors.admin), { cardId, contactId: contact.id });
    await trashCard(ctx(db, crm.actors.admin), { cardId });
    await expect(updateCard(ctx(db, crm.actors.admin), { cardId, version: 2, name: "x" })).rejects.toMatchObject({ code: "card_not_found" });
    await restoreCard(ctx(db, crm.actors.manager), { cardId });
    expect((await historyOf(cardId)).map((h) => h.kind)).toEqual(["card_created", "contact_linked", "contact_unlinked", "card_trashed", "card_restored"]);
  });

  it("does not let a Restricted user create a card for someone else, nor touch another user's card", async () => {
    const restricted = ctx(db, crm.actors.restricted);
    await expect(createCard(restricted, { moduleId: crm.module.id, name: "Gift", ownerId: crm.actors.normal.id })).rejects.toMatchObject({ code: "owner_not_allowed" });
    const { cardId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Not yours" });
    await expect(updateCard(restricted, { cardId, version: 1, name: "Mine now" })).rejects.toMatchObject({ code: "card_not_found" });
    await expect(trashCard(restricted, { cardId })).rejects.toMatchObject({ code: "forbidden" });
  });
});
