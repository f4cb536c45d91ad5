import { and, asc, eq, gt, sql } from "drizzle-orm";
import { cardAssignees, cards, history, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { recordHistory, type HistoryEntry } from "@/lib/history/record-history";
import { validateFieldValues } from "@/lib/modules/field-values";
import { reassignTodosHiddenFromAssignees } from "@/lib/todos/reassign-hidden-todos";
import { assertActiveUser } from "@/lib/users/assert-active-user";
import { updateCardSchema, type UpdateCardInput } from "./card-input";
import { loadModuleForCards } from "./load-module";
import { refreshCardSearchText } from "./refresh-search-text";
import { getVisibleCardOrThrow } from "./scope";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Edits a card's name, status, owner and/or field values. The caller sends the version it saw;
 * if someone saved in between, nothing is written and the conflict lists what they changed.
 * A new owner can hide the card from some open todos' assignees: those todos go to the new owner
 * (or to the actor, when the card becomes unowned), with a "todo_reassigned" entry each, in the
 * same transaction.
 */
export async function updateCard({ actor, db, now }: Ctx, raw: UpdateCardInput) {
  if (!can(actor, "cards.update")) throw forbidden();
  const input = updateCardSchema.parse(raw);
  const card = await getVisibleCardOrThrow(db, actor, input.cardId);
  if (card.version !== input.version) throw await staleCardConflict(db, card.id, input.version, card.version);

  const config = await loadModuleForCards(db, card.moduleId);
  const entries: HistoryEntry[] = [];
  const version = card.version + 1;
  const change = (kind: HistoryEntry["kind"], data: Record<string, unknown>) => entries.push({ cardId: card.id, kind, data: { ...data, version } });

  const set: Partial<typeof cards.$inferInsert> = {};
  if (input.name !== undefined && input.name !== card.name) {
    set.name = input.name;
    change("name_changed", { old: card.name, new: input.name });
  }
  if (input.statusId !== undefined && input.statusId !== card.statusId) {
    const status = config.statuses.find((s) => s.id === input.statusId && !s.archivedAt);
    if (!status) throw invalid("invalid_status", { statusId: "invalid_status" });
    const old = config.statuses.find((s) => s.id === card.statusId);
    set.statusId = status.id;
    set.statusEnteredAt = now;
    change("status_changed", { old: card.statusId, new: status.id, oldName: old?.name, newName: status.name });
  }
  if (input.ownerId !== undefined && input.ownerId !== card.ownerId) {
    if (input.ownerId) await assertActiveUser(db, input.ownerId, "ownerId");
    set.ownerId = input.ownerId;
    change("owner_changed", { old: card.ownerId, new: input.ownerId });
  }
  if (input.values) {
    const parsed = validateFieldValues(config.fields, input.values, { partial: true });
    const merged = { ...card.values };
    for (const [fieldId, value] of Object.entries(parsed)) {
      if (same(card.values[fieldId], value)) continue;
      const field = config.fields.find((f) => f.id === fieldId)!;
      change("field_changed", { fieldId, fieldName: field.name, fieldType: field.type, old: card.values[fieldId] ?? null, new: value });
      merged[fieldId] = value;
    }
    if (entries.some((e) => e.kind === "field_changed")) set.values = merged;
  }
  const previousOwnerId = card.ownerId;
  /** Assignees whose open todos were handed on because they can no longer see the card. */
  const reassignedFromIds: string[] = [];
  if (entries.length === 0) return { cardId: card.id, moduleId: card.moduleId, version: card.version, changes: [] as string[], previousOwnerId, reassignedFromIds };

  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cards)
      .set({ ...set, version, updatedAt: now, lastActivityAt: now })
      .where(and(eq(cards.id, card.id), eq(cards.version, input.version)))
      .returning({ id: cards.id });
    // Someone saved between our read and this write: the version guard makes it all-or-nothing.
    if (updated.length === 0) throw await staleCardConflict(tx, card.id, input.version, input.version + 1);
    if (set.statusId) await tx.update(cardAssignees).set({ statusId: set.statusId }).where(eq(cardAssignees.cardId, card.id));
    if (set.name) await refreshCardSearchText(tx, card.id);
    if (set.ownerId !== undefined) {
      // As on creation: a user may not hand a card to an owner that would hide it from themselves.
      await getVisibleCardOrThrow(tx, actor, card.id).catch(() => {
        throw forbidden("owner_not_allowed");
      });
      // Open todos of assignees who can no longer see the card go to the new owner (or to whoever made it unowned).
      const reassigned = await reassignTodosHiddenFromAssignees(tx, { cardId: card.id, to: set.ownerId ?? actor.id, version, now });
      entries.push(...reassigned.entries);
      reassignedFromIds.push(...reassigned.fromIds);
    }
    await recordHistory(tx, actor.id, now, entries);
  });
  return { cardId: card.id, moduleId: card.moduleId, version, changes: entries.map((e) => e.kind), previousOwnerId, reassignedFromIds };
}

/** "card_stale" with what others changed since the caller's version, so the UI can show it before a reload. */
async function staleCardConflict(db: Ctx["db"], cardId: string, seenVersion: number, currentVersion: number) {
  const changes = await db
    .select({ kind: history.kind, at: history.at, data: history.data, actorFirstName: users.firstName, actorLastName: users.lastName })
    .from(history)
    .leftJoin(users, eq(users.id, history.actorId))
    .where(and(eq(history.cardId, cardId), gt(sql`(${history.data}->>'version')::int`, seenVersion)))
    .orderBy(asc(history.id));
  return conflict("card_stale", {}, {
    currentVersion,
    changes: changes.map((c) => ({
      kind: c.kind,
      at: c.at.toISOString(),
      by: `${c.actorLastName ?? ""} ${c.actorFirstName ?? ""}`.trim(),
      field: (c.data as { fieldName?: string }).fieldName ?? null,
    })),
  });
}
