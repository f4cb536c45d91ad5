import { and, inArray, isNull } from "drizzle-orm";
import { cardContacts, cards, contacts } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { insertContact } from "@/lib/contacts/insert-contact";
import { visibleContactsCondition } from "@/lib/contacts/scope";
import { forbidden, invalid } from "@/lib/errors";
import { cardCreatedData } from "@/lib/history/card-created";
import { recordHistory } from "@/lib/history/record-history";
import { validateFieldValues } from "@/lib/modules/field-values";
import { assertActiveUser } from "@/lib/users/assert-active-user";
import { createCardSchema, type CreateCardInput } from "./card-input";
import { loadModuleForCards } from "./load-module";
import { refreshCardSearchText } from "./refresh-search-text";
import { getVisibleCardOrThrow } from "./scope";

/** "New card": the card, any contacts created inline, their links and the history, in one transaction. */
export async function createCard({ actor, db, now }: Ctx, raw: CreateCardInput) {
  if (!can(actor, "cards.create")) throw forbidden();
  const input = createCardSchema.parse(raw);
  const config = await loadModuleForCards(db, input.moduleId);
  const liveStatuses = config.statuses.filter((s) => !s.archivedAt);
  const status = input.statusId ? liveStatuses.find((s) => s.id === input.statusId) : liveStatuses.find((s) => s.group === "open");
  if (!status) throw invalid("invalid_status", { statusId: "invalid_status" });
  const values = validateFieldValues(config.fields, input.values, { partial: false });
  const ownerId = input.ownerId === undefined ? actor.id : input.ownerId;
  if (ownerId) await assertActiveUser(db, ownerId, "ownerId");

  return db.transaction(async (tx) => {
    const [card] = await tx
      .insert(cards)
      .values({
        moduleId: config.module.id,
        statusId: status.id,
        ownerId,
        name: input.name,
        values,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
        statusEnteredAt: now,
        lastActivityAt: now,
      })
      .returning({ id: cards.id });

    const linked = input.contactIds.length
      ? await tx
          .select({ id: contacts.id, name: contacts.name })
          .from(contacts)
          .where(and(inArray(contacts.id, input.contactIds), isNull(contacts.deletedAt), visibleContactsCondition(actor)))
      : [];
    if (linked.length !== new Set(input.contactIds).size) throw invalid("contact_not_found", { contactIds: "contact_not_found" });
    for (const contact of input.newContacts) {
      const created = await insertContact(tx, contact, actor, now);
      linked.push({ id: created.id, name: created.name });
    }
    if (linked.length) {
      await tx.insert(cardContacts).values(linked.map((c, position) => ({ cardId: card.id, contactId: c.id, position })));
    }
    await refreshCardSearchText(tx, card.id);

    // One entry: the card and the contacts it was created with (lib/history/card-created.ts).
    await recordHistory(tx, actor.id, now, [{ cardId: card.id, kind: "card_created", data: cardCreatedData({ name: input.name, statusId: status.id, ownerId, contacts: linked }) }]);

    // An owner the creator may not see (e.g. a Restricted user giving it away) would hide the card from them at once.
    await getVisibleCardOrThrow(tx, actor, card.id).catch(() => {
      throw forbidden("owner_not_allowed");
    });
    return { cardId: card.id, moduleId: config.module.id };
  });
}
