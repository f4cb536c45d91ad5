import { and, eq } from "drizzle-orm";
import type { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import { cards, contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { visibleContactsCondition } from "@/lib/contacts/scope";
import { seedCard, seedContact } from "@/lib/contacts/test-fixtures";
import { createCard } from "@/lib/cards/create-card";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { publishContactChanges } from "./publish";
import { roomsForActor, roomsForCard, roomsForContact } from "./rooms";

describe("socket rooms follow the card scope", async () => {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  const owners = [null, crm.actors.normal, crm.actors.restricted, crm.actors.otherRestricted, crm.actors.groupRestrictedRo, crm.actors.admin];
  const cardsByOwner = await Promise.all(
    owners.map(async (owner, i) => {
      const { cardId } = await createCard(ctx(db, crm.actors.admin), { moduleId: crm.module.id, name: `Card ${i}`, ownerId: owner?.id ?? null });
      return { cardId, owner };
    }),
  );

  for (const [name, actor] of Object.entries(crm.actors)) {
    it(`${name} (${actor.role}) hears about exactly the cards it can see`, async () => {
      for (const { cardId, owner } of cardsByOwner) {
        const [visible] = await db.select({ id: cards.id }).from(cards).where(and(eq(cards.id, cardId), visibleCardsCondition(actor)));
        const audience = roomsForCard(owner ? { id: owner.id, groupIds: owner.groupIds } : null);
        const hears = roomsForActor(actor).some((room) => audience.includes(room));
        expect(hears, `owner ${owner?.email ?? "nobody"}`).toBe(Boolean(visible));
      }
    });
  }
});

describe("socket rooms follow the contact scope", async () => {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  const pipeline = { moduleId: crm.module.id, statusId: crm.statuses.lead.id };
  const owners = [null, crm.actors.normal, crm.actors.restricted, crm.actors.otherRestricted, crm.actors.groupRestrictedRo, crm.actors.admin];
  // A contact per case: on no card, on one card per owner, on a trashed card only, on two cards of different owners.
  const cases: { label: string; contactId: string; cardOwners: (Actor | null)[]; linked: boolean }[] = [];
  const unlinked = await seedContact(db, { name: "Unlinked" });
  cases.push({ label: "no card", contactId: unlinked, cardOwners: [], linked: false });
  for (const owner of owners) {
    const contactId = await seedContact(db, { name: `Of ${owner?.email ?? "nobody"}` });
    await seedCard(db, { name: "Card", module: pipeline, ownerId: owner?.id ?? null, contactIds: [contactId] });
    cases.push({ label: `card of ${owner?.email ?? "nobody"}`, contactId, cardOwners: [owner], linked: true });
  }
  const onTrashed = await seedContact(db, { name: "On a trashed card" });
  await seedCard(db, { name: "Trashed", module: pipeline, ownerId: crm.actors.restricted.id, contactIds: [onTrashed], deleted: true });
  cases.push({ label: "trashed card only", contactId: onTrashed, cardOwners: [], linked: true });
  const shared = await seedContact(db, { name: "Shared" });
  await seedCard(db, { name: "A", module: pipeline, ownerId: crm.actors.normal.id, contactIds: [shared] });
  await seedCard(db, { name: "B", module: pipeline, ownerId: crm.actors.otherRestricted.id, contactIds: [shared] });
  cases.push({ label: "cards of normal and other", contactId: shared, cardOwners: [crm.actors.normal, crm.actors.otherRestricted], linked: true });

  for (const [name, actor] of Object.entries(crm.actors)) {
    it(`${name} (${actor.role}) hears about exactly the contacts it can see`, async () => {
      for (const { label, contactId, cardOwners, linked } of cases) {
        const [visible] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, contactId), visibleContactsCondition(actor)));
        const audience = roomsForContact({ linked, cardOwners: cardOwners.map((o) => (o ? { id: o.id, groupIds: o.groupIds } : null)) });
        const hears = roomsForActor(actor).some((room) => audience.includes(room));
        expect(hears, label).toBe(Boolean(visible));
      }
    });
  }

  it("publishContactChanges sends each contact's event to exactly that audience, ids only", async () => {
    const sent: { rooms: string[]; event: unknown }[] = [];
    const io = { to: (rooms: string[]) => ({ emit: (_name: string, event: unknown) => sent.push({ rooms, event }) }) } as unknown as Server;
    await publishContactChanges(db, cases.map((c) => c.contactId), { io });
    expect(sent).toHaveLength(cases.length);
    for (const [i, { contactId, cardOwners, linked }] of cases.entries()) {
      expect(sent[i].event).toEqual({ kind: "contact.changed", contactId });
      const expected = roomsForContact({ linked, cardOwners: cardOwners.map((o) => (o ? { id: o.id, groupIds: o.groupIds } : null)) });
      expect([...sent[i].rooms].sort()).toEqual([...expected].sort());
    }
  });
});
