import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards } from "@/db/schema";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { createCard } from "@/lib/cards/create-card";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { roomsForActor, roomsForCard } from "./rooms";

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
