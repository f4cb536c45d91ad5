import { sql } from "drizzle-orm";
import { uuidArray } from "./sql-arrays";
import type { Db } from "@/db/client";
import type { FieldValue, ImportTotals } from "@/db/schema";
import { cardCreatedData } from "@/lib/history/card-created";
import { recordHistory, type HistoryEntry } from "@/lib/history/record-history";
import { reassignTodosHiddenFromAssignees } from "@/lib/todos/reassign-hidden-todos";
import type { RowPlan } from "./plan-batch";
import { rowsOf } from "@/db/rows";

/**
 * Writes one planned batch inside the caller's transaction, set-based: every table gets one statement
 * for the whole batch (json_to_recordset of one parameter), so a batch of 1,000 rows is a handful of
 * round trips whatever its size — and the history of every card in it is ONE recordHistory call.
 */

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`;

export type BatchWriteContext = { importId: string; moduleId: string | null; actorId: string; now: Date };
export type BatchWritten = {
  createdCards: { id: string; ownerId: string | null }[];
  updatedCards: { id: string; ownerIds: (string | null)[] }[];
  contactIds: string[];
  totals: ImportTotals;
};

/** Card name + linked contacts' names, emails and phones, lower-cased — as lib/cards/refresh-search-text.ts writes it. */
function searchText(name: string, contacts: { name: string; emails: string[]; phones: string[] }[]): string {
  const parts = contacts.map((k) => `${k.name} ${k.emails.join(" ")} ${k.phones.join(" ")}`);
  return (name + (parts.length ? ` ${parts.join(" ")}` : "")).toLowerCase();
}

export async function writeBatch(tx: Db, ctx: BatchWriteContext, plans: RowPlan[]): Promise<BatchWritten> {
  const { now, actorId, importId } = ctx;
  const at = now.toISOString();
  const newContacts = plans.flatMap((p) => p.newContacts);
  const newById = new Map(newContacts.map((c) => [c.id, c]));

  if (newContacts.length) {
    // Companies first in the statement (a person's company_id references one of them).
    const ordered = [...newContacts.filter((c) => c.kind === "company"), ...newContacts.filter((c) => c.kind === "person")];
    await tx.execute(sql`
      insert into contacts (id, kind, name, first_name, last_name, company_id, emails, phones, address, tax_number, created_by_id, created_at, updated_at)
      select id, kind, name, first_name, last_name, company_id, emails, phones, address, tax_number, ${actorId}::uuid, ${at}::timestamptz, ${at}::timestamptz
      from json_to_recordset(${json(ordered.map((c) => ({ id: c.id, kind: c.kind, name: c.name, first_name: c.firstName, last_name: c.lastName, company_id: c.companyId, emails: c.emails, phones: c.phones, address: c.address, tax_number: c.taxNumber })))})
        as x(id uuid, kind text, name text, first_name text, last_name text, company_id uuid, emails text[], phones text[], address text, tax_number text)`);
  }

  const contactUpdates = plans.flatMap((p) => p.contactUpdates);
  const contactVersions = new Map<string, number>();
  if (contactUpdates.length) {
    const updated = rowsOf<{ id: string; version: number }>(
      await tx.execute(sql`
        update contacts c set emails = x.emails, phones = x.phones, address = x.address, tax_number = x.tax_number, version = c.version + 1, updated_at = ${at}::timestamptz
        from json_to_recordset(${json(contactUpdates.map((u) => ({ id: u.id, version: u.version, emails: u.set.emails, phones: u.set.phones, address: u.set.address, tax_number: u.set.taxNumber })))})
          as x(id uuid, version int, emails text[], phones text[], address text, tax_number text)
        where c.id = x.id and c.version = x.version and c.deleted_at is null
        returning c.id, c.version`),
    );
    // The rows were locked when planned: a miss means the plan is stale; the batch rolls back and is planned again.
    if (updated.length !== contactUpdates.length) throw new Error("import: a matched contact changed under the batch");
    for (const u of updated) contactVersions.set(u.id, u.version);
  }

  const creates = plans.flatMap((p) => (p.cardCreate ? [p.cardCreate] : []));
  const needsRefresh: string[] = [];
  if (creates.length) {
    const cardRows = creates.map((c) => {
      const linked = c.contactIds.map((id) => newById.get(id));
      const known = linked.every(Boolean);
      if (!known) needsRefresh.push(c.id);
      return {
        id: c.id,
        status_id: c.statusId,
        owner_id: c.ownerId,
        name: c.name,
        values: c.values,
        search_text: known ? searchText(c.name, linked as { name: string; emails: string[]; phones: string[] }[]) : c.name.toLowerCase(),
      };
    });
    await tx.execute(sql`
      insert into cards (id, module_id, status_id, owner_id, name, values, search_text, created_by_id, created_at, updated_at, status_entered_at, last_activity_at)
      select id, ${ctx.moduleId}::uuid, status_id, owner_id, name, coalesce(values, '{}'::jsonb), search_text, ${actorId}::uuid, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      from json_to_recordset(${json(cardRows)}) as x(id uuid, status_id uuid, owner_id uuid, name text, values jsonb, search_text text)`);
    const links = creates.flatMap((c) => c.contactIds.map((contactId, position) => ({ card_id: c.id, contact_id: contactId, position })));
    if (links.length) {
      await tx.execute(sql`
        insert into card_contacts (card_id, contact_id, position)
        select card_id, contact_id, position from json_to_recordset(${json(links)}) as x(card_id uuid, contact_id uuid, position int)`);
    }
  }

  const updates = plans.flatMap((p) => (p.cardUpdate ? [p.cardUpdate] : []));
  const cardVersions = new Map<string, number>();
  const entries: HistoryEntry[] = [];
  for (const c of creates) {
    const contacts = c.contactIds.map((id, i) => ({ id, name: c.contactNames[i] ?? "" }));
    entries.push({ cardId: c.id, kind: "card_created", data: { ...cardCreatedData({ name: c.name, statusId: c.statusId, ownerId: c.ownerId, contacts }), importId } });
  }
  const reassignFor: { id: string; to: string; version: number }[] = [];
  if (updates.length) {
    const updated = rowsOf<{ id: string; version: number }>(
      await tx.execute(sql`
        update cards c set
          name = coalesce(x.name, c.name),
          status_id = coalesce(x.status_id, c.status_id),
          status_entered_at = case when x.status_id is not null then ${at}::timestamptz else c.status_entered_at end,
          owner_id = case when x.owner_set then x.owner_id else c.owner_id end,
          values = c.values || coalesce(x.values, '{}'::jsonb),
          version = c.version + 1, updated_at = ${at}::timestamptz, last_activity_at = ${at}::timestamptz
        from json_to_recordset(${json(
          updates.map((u) => ({ id: u.id, version: u.version, name: u.set.name ?? null, status_id: u.set.statusId ?? null, owner_set: u.set.ownerId !== undefined, owner_id: u.set.ownerId ?? null, values: u.set.values ?? null })),
        )}) as x(id uuid, version int, name text, status_id uuid, owner_set boolean, owner_id uuid, values jsonb)
        where c.id = x.id and c.version = x.version and c.deleted_at is null
        returning c.id, c.version`),
    );
    if (updated.length !== updates.length) throw new Error("import: a matched card changed under the batch");
    for (const u of updated) cardVersions.set(u.id, u.version);
    const statusChanged = updates.filter((u) => u.set.statusId).map((u) => ({ card_id: u.id, status_id: u.set.statusId }));
    if (statusChanged.length) {
      await tx.execute(sql`
        update card_assignees a set status_id = x.status_id
        from json_to_recordset(${json(statusChanged)}) as x(card_id uuid, status_id uuid) where a.card_id = x.card_id`);
    }
    for (const u of updates) {
      const version = cardVersions.get(u.id)!;
      const change = (kind: HistoryEntry["kind"], data: Record<string, unknown>) => entries.push({ cardId: u.id, kind, data: { ...data, version, importId } });
      if (u.set.name !== undefined) change("name_changed", { old: u.before.name, new: u.set.name });
      if (u.set.statusId !== undefined) change("status_changed", { old: u.before.statusId, new: u.set.statusId });
      if (u.set.ownerId !== undefined) {
        change("owner_changed", { old: u.before.ownerId, new: u.set.ownerId });
        reassignFor.push({ id: u.id, to: u.set.ownerId ?? actorId, version });
      }
      for (const [fieldId, value] of Object.entries(u.set.values ?? {})) change("field_changed", { fieldId, old: u.before.values[fieldId] ?? null, new: value as FieldValue });
    }
  }
  // An owner change can hide the card from an open todo's assignee (a Restricted colleague): as updateCard does.
  for (const r of reassignFor) {
    const reassigned = await reassignTodosHiddenFromAssignees(tx, { cardId: r.id, to: r.to, version: r.version, now });
    entries.push(...reassigned.entries);
  }

  // Quick search: cards linked to contacts this batch changed or that existed before it, and renamed cards.
  const refreshIds = [...new Set([...needsRefresh, ...updates.filter((u) => u.set.name !== undefined).map((u) => u.id)])];
  const changedContactIds = contactUpdates.map((u) => u.id);
  if (refreshIds.length || changedContactIds.length) {
    await tx.execute(sql`
      update cards c set search_text = lower(c.name || coalesce((
        select ' ' || string_agg(k.name || ' ' || array_to_string(k.emails, ' ') || ' ' || array_to_string(k.phones, ' '), ' ')
        from card_contacts cc join contacts k on k.id = cc.contact_id
        where cc.card_id = c.id and k.deleted_at is null), ''))
      where c.id = any(${uuidArray(refreshIds)}) or c.id in (select card_id from card_contacts where contact_id = any(${uuidArray(changedContactIds)}))`);
  }

  await recordHistory(tx, actorId, now, entries);

  const totals: ImportTotals = { rows: plans.length, created: 0, updated: 0, skipped: 0, bad: 0 };
  const importRows = plans.map((p) => {
    if (p.outcome === "created") totals.created++;
    else if (p.outcome === "updated") totals.updated++;
    else if (p.outcome === "skipped") totals.skipped++;
    else totals.bad++;
    const contactsBefore = Object.fromEntries(p.contactUpdates.map((u) => [u.id, { ...u.before, version: u.version }]));
    const contactsAfter = Object.fromEntries([
      ...p.contactUpdates.map((u) => [u.id, { version: contactVersions.get(u.id) }]),
      ...p.newContacts.map((c) => [c.id, { version: 1 }]),
    ]);
    const cardId = p.cardCreate?.id ?? p.cardUpdate?.id ?? null;
    const written = p.outcome === "created" || p.outcome === "updated";
    return {
      row_number: p.rowNumber,
      outcome: p.outcome,
      reason: p.reason,
      card_id: cardId,
      created_contact_ids: p.newContacts.map((c) => c.id),
      updated_contact_ids: p.contactUpdates.map((u) => u.id),
      before: written ? { card: p.cardUpdate ? p.cardUpdate.before : null, contacts: contactsBefore, name: p.name } : p.name ? { name: p.name } : null,
      after: written ? { card: p.cardCreate ? { version: 1 } : p.cardUpdate ? { version: cardVersions.get(p.cardUpdate.id) } : null, contacts: contactsAfter } : null,
    };
  });
  if (importRows.length) {
    await tx.execute(sql`
      insert into import_rows (import_id, row_number, outcome, reason, card_id, created_contact_ids, updated_contact_ids, before, after)
      select ${importId}::uuid, row_number, outcome, reason, card_id, created_contact_ids, updated_contact_ids, before, after
      from json_to_recordset(${json(importRows)})
        as x(row_number int, outcome text, reason jsonb, card_id uuid, created_contact_ids uuid[], updated_contact_ids uuid[], before jsonb, after jsonb)`);
  }

  return {
    createdCards: creates.map((c) => ({ id: c.id, ownerId: c.ownerId })),
    updatedCards: updates.map((u) => ({ id: u.id, ownerIds: [u.ownerBefore, u.set.ownerId === undefined ? u.ownerBefore : u.set.ownerId] })),
    contactIds: [...newContacts.map((c) => c.id), ...changedContactIds],
    totals,
  };
}
