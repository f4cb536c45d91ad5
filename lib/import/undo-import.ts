import { and, eq, sql } from "drizzle-orm";
import { uuidArray } from "./sql-arrays";
import type { Db } from "@/db/client";
import { imports, type FieldValue } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { conflict } from "@/lib/errors";
import { recordHistory, type HistoryEntry } from "@/lib/history/record-history";
import { publishCardChanges, publishContactChanges, publishToUsers } from "@/lib/realtime/publish";
import { getImportRecordOrThrow } from "./get-import";
import type { ImportUndoResult } from "./types";
import { rowsOf } from "@/db/rows";

const undoBatchSize = 1000;
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`;

type Changed = ImportUndoResult["changedSince"][number];
type CardBefore = { name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue> };
type ImportRowForUndo = {
  rowNumber: number;
  outcome: "created" | "updated";
  cardId: string | null;
  createdContactIds: string[];
  updatedContactIds: string[];
  before: { card?: CardBefore | null; contacts?: Record<string, { emails: string[]; phones: string[]; address: string; taxNumber: string; version: number }> } | null;
  after: { card?: { version: number } | null; contacts?: Record<string, { version: number }> } | null;
};

/**
 * Undoes a finished import, in batches of rows (one transaction each): the cards and contacts it
 * created go to the trash, the ones it updated get their previous values back — each only when its
 * version is still the one the import left; anything changed since is left alone and listed. Every
 * card gets its history (card_trashed / import_undone, with the import's id). Idempotent: each row is
 * marked as undone in its batch, so a second call (or one after a crash) does only what is left and
 * returns the same result.
 */
export async function undoImport(ctx: Ctx, importId: string): Promise<ImportUndoResult> {
  const record = await getImportRecordOrThrow(ctx, importId);
  if (record.state === "undone") return undoResult(ctx.db, record.id);
  if (record.state !== "done") throw conflict("import_not_done");
  for (;;) {
    const rows = rowsOf<ImportRowForUndo>(
      await ctx.db.execute(sql`
        select row_number as "rowNumber", outcome, card_id as "cardId", created_contact_ids as "createdContactIds", updated_contact_ids as "updatedContactIds", before, after
        from import_rows where import_id = ${record.id}::uuid and outcome in ('created', 'updated') and (after is null or not (after ? 'undo'))
        order by row_number limit ${undoBatchSize}`),
    );
    if (rows.length === 0) break;
    const owners = await ctx.db.transaction((tx) => undoBatch(tx, ctx, record.id, rows));
    if (record.moduleId && owners.cardOwners.length) await publishCardChanges(ctx.db, [{ event: { kind: "card.trashed", moduleId: record.moduleId }, ownerIds: owners.cardOwners }]).catch(() => {});
    if (owners.contactIds.length) await publishContactChanges(ctx.db, owners.contactIds.slice(0, 1)).catch(() => {});
    publishToUsers({ kind: "import.progress", importId: record.id }, [record.createdById]);
  }
  await ctx.db
    .update(imports)
    .set({ state: "undone", undoneAt: ctx.now, undoneById: ctx.actor.id, updatedAt: ctx.now })
    .where(and(eq(imports.id, record.id), eq(imports.state, "done")));
  publishToUsers({ kind: "import.progress", importId: record.id }, [record.createdById]);
  return undoResult(ctx.db, record.id);
}

async function undoBatch(tx: Db, ctx: Ctx, importId: string, rows: ImportRowForUndo[]) {
  const at = ctx.now.toISOString();
  const actorId = ctx.actor.id;
  const entries: HistoryEntry[] = [];
  const perRow = new Map<number, { trashedCards: number; restoredCards: number; trashedContacts: number; restoredContacts: number; changed: Changed[] }>();
  const mark = (row: number) => {
    let m = perRow.get(row);
    if (!m) perRow.set(row, (m = { trashedCards: 0, restoredCards: 0, trashedContacts: 0, restoredContacts: 0, changed: [] }));
    return m;
  };
  for (const r of rows) mark(r.rowNumber);
  const cardOwners: (string | null)[] = [];

  // Created cards: to the trash, unless someone changed them since.
  const createdCards = rows.filter((r) => r.outcome === "created" && r.cardId).map((r) => ({ id: r.cardId!, version: r.after?.card?.version ?? 1, row: r.rowNumber }));
  if (createdCards.length) {
    const trashed = rowsOf<{ id: string; version: number; ownerId: string | null }>(
      await tx.execute(sql`
        update cards c set deleted_at = ${at}::timestamptz, deleted_by_id = ${actorId}::uuid, version = c.version + 1, updated_at = ${at}::timestamptz
        from json_to_recordset(${json(createdCards)}) as x(id uuid, version int)
        where c.id = x.id and c.version = x.version and c.deleted_at is null
        returning c.id, c.version, c.owner_id as "ownerId"`),
    );
    const done = new Set(trashed.map((t) => t.id));
    if (trashed.length) await tx.execute(sql`delete from card_assignees where card_id = any(${uuidArray(trashed.map((t) => t.id))})`);
    for (const t of trashed) {
      entries.push({ cardId: t.id, kind: "card_trashed", data: { version: t.version, importId } });
      cardOwners.push(t.ownerId);
    }
    const left = createdCards.filter((c) => !done.has(c.id));
    const live = await liveCards(tx, left.map((c) => c.id));
    for (const c of createdCards) {
      if (done.has(c.id)) mark(c.row).trashedCards++;
      else if (live.has(c.id)) mark(c.row).changed.push({ rowNumber: c.row, kind: "card", id: c.id, name: live.get(c.id)! });
    }
  }

  // Updated cards: their previous values back, unless changed since.
  const updatedCards = rows.filter((r) => r.outcome === "updated" && r.cardId && r.before?.card && r.after?.card).map((r) => ({ id: r.cardId!, version: r.after!.card!.version, row: r.rowNumber, before: r.before!.card! }));
  if (updatedCards.length) {
    const current = rowsOf<{ id: string; name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue>; version: number }>(
      await tx.execute(sql`select id, name, status_id as "statusId", owner_id as "ownerId", values, version from cards where id = any(${uuidArray(updatedCards.map((c) => c.id))}) and deleted_at is null for update`),
    );
    const byId = new Map(current.map((c) => [c.id, c]));
    const restorable = updatedCards.filter((c) => byId.get(c.id)?.version === c.version);
    if (restorable.length) {
      await tx.execute(sql`
        update cards c set name = x.name, status_id = x.status_id, owner_id = x.owner_id, values = c.values || coalesce(x.values, '{}'::jsonb),
          status_entered_at = case when c.status_id <> x.status_id then ${at}::timestamptz else c.status_entered_at end,
          version = c.version + 1, updated_at = ${at}::timestamptz, last_activity_at = ${at}::timestamptz
        from json_to_recordset(${json(restorable.map((c) => ({ id: c.id, version: c.version, name: c.before.name, status_id: c.before.statusId, owner_id: c.before.ownerId, values: c.before.values })))})
          as x(id uuid, version int, name text, status_id uuid, owner_id uuid, values jsonb)
        where c.id = x.id and c.version = x.version`);
      await tx.execute(sql`
        update card_assignees a set status_id = c.status_id from cards c
        where a.card_id = c.id and c.id = any(${uuidArray(restorable.map((c) => c.id))})`);
      for (const c of restorable) {
        const now = byId.get(c.id)!;
        const fields: { field: string; old: unknown; new: unknown }[] = [];
        if (now.name !== c.before.name) fields.push({ field: "name", old: now.name, new: c.before.name });
        if (now.statusId !== c.before.statusId) fields.push({ field: "status", old: now.statusId, new: c.before.statusId });
        if (now.ownerId !== c.before.ownerId) fields.push({ field: "owner", old: now.ownerId, new: c.before.ownerId });
        for (const [fieldId, value] of Object.entries(c.before.values ?? {})) fields.push({ field: `field:${fieldId}`, old: now.values[fieldId] ?? null, new: value });
        entries.push({ cardId: c.id, kind: "import_undone", data: { version: c.version + 1, importId, fields } });
        cardOwners.push(now.ownerId, c.before.ownerId);
        mark(c.row).restoredCards++;
      }
    }
    for (const c of updatedCards) {
      const now = byId.get(c.id);
      if (now && now.version !== c.version) mark(c.row).changed.push({ rowNumber: c.row, kind: "card", id: c.id, name: now.name });
    }
  }

  // Created contacts: to the trash unless changed since, or linked to a card that stays (not this import's, or changed since).
  const createdContacts = rows.flatMap((r) => r.createdContactIds.map((id) => ({ id, version: r.after?.contacts?.[id]?.version ?? 1, row: r.rowNumber })));
  const touchedContacts: string[] = [];
  if (createdContacts.length) {
    const linkedElsewhere = new Set(
      rowsOf<{ id: string }>(
        await tx.execute(sql`
          select distinct cc.contact_id as id from card_contacts cc join cards c on c.id = cc.card_id
          where cc.contact_id = any(${uuidArray(createdContacts.map((c) => c.id))}) and c.deleted_at is null
            and not (c.version = 1 and c.id in (select card_id from import_rows where import_id = ${importId}::uuid and outcome = 'created' and card_id is not null))`),
      ).map((r) => r.id),
    );
    const candidates = createdContacts.filter((c) => !linkedElsewhere.has(c.id));
    const trashed = candidates.length
      ? rowsOf<{ id: string }>(
          await tx.execute(sql`
            update contacts k set deleted_at = ${at}::timestamptz, deleted_by_id = ${actorId}::uuid, version = k.version + 1, updated_at = ${at}::timestamptz
            from json_to_recordset(${json(candidates)}) as x(id uuid, version int)
            where k.id = x.id and k.version = x.version and k.deleted_at is null returning k.id`),
        )
      : [];
    const done = new Set(trashed.map((t) => t.id));
    touchedContacts.push(...done);
    const names = await liveContacts(tx, createdContacts.filter((c) => !done.has(c.id)).map((c) => c.id));
    for (const c of createdContacts) {
      if (done.has(c.id)) mark(c.row).trashedContacts++;
      else if (names.has(c.id)) mark(c.row).changed.push({ rowNumber: c.row, kind: "contact", id: c.id, name: names.get(c.id)! });
    }
  }

  // Updated contacts: previous emails, phones, address and tax number back, unless changed since.
  const updatedContacts = rows.flatMap((r) =>
    r.updatedContactIds.flatMap((id) => {
      const before = r.before?.contacts?.[id];
      const version = r.after?.contacts?.[id]?.version;
      return before && version ? [{ id, version, row: r.rowNumber, before }] : [];
    }),
  );
  if (updatedContacts.length) {
    const restored = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update contacts k set emails = x.emails, phones = x.phones, address = x.address, tax_number = x.tax_number, version = k.version + 1, updated_at = ${at}::timestamptz
        from json_to_recordset(${json(updatedContacts.map((c) => ({ id: c.id, version: c.version, emails: c.before.emails, phones: c.before.phones, address: c.before.address, tax_number: c.before.taxNumber })))})
          as x(id uuid, version int, emails text[], phones text[], address text, tax_number text)
        where k.id = x.id and k.version = x.version and k.deleted_at is null returning k.id`),
    );
    const done = new Set(restored.map((r) => r.id));
    touchedContacts.push(...done);
    const names = await liveContacts(tx, updatedContacts.filter((c) => !done.has(c.id)).map((c) => c.id));
    for (const c of updatedContacts) {
      if (done.has(c.id)) mark(c.row).restoredContacts++;
      else if (names.has(c.id)) mark(c.row).changed.push({ rowNumber: c.row, kind: "contact", id: c.id, name: names.get(c.id)! });
    }
  }

  if (touchedContacts.length) {
    await tx.execute(sql`
      update cards c set search_text = lower(c.name || coalesce((
        select ' ' || string_agg(k.name || ' ' || array_to_string(k.emails, ' ') || ' ' || array_to_string(k.phones, ' '), ' ')
        from card_contacts cc join contacts k on k.id = cc.contact_id
        where cc.card_id = c.id and k.deleted_at is null), ''))
      where c.deleted_at is null and c.id in (select card_id from card_contacts where contact_id = any(${uuidArray(touchedContacts)}))`);
  }
  await recordHistory(tx, actorId, ctx.now, entries);
  await tx.execute(sql`
    update import_rows r set after = coalesce(r.after, '{}'::jsonb) || jsonb_build_object('undo', x.undo)
    from json_to_recordset(${json([...perRow.entries()].map(([row, undo]) => ({ row, undo })))}) as x(row int, undo jsonb)
    where r.import_id = ${importId}::uuid and r.row_number = x.row`);
  return { cardOwners: [...new Set(cardOwners)], contactIds: touchedContacts };
}

async function liveCards(tx: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from cards where id = any(${uuidArray(ids)}) and deleted_at is null`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function liveContacts(tx: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from contacts where id = any(${uuidArray(ids)}) and deleted_at is null`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The undo's result, summed from the rows' marks (so every call after the first returns the same). */
async function undoResult(db: Db, importId: string): Promise<ImportUndoResult> {
  const [sums] = rowsOf<{ trashedCards: number; restoredCards: number; trashedContacts: number; restoredContacts: number }>(
    await db.execute(sql`
      select coalesce(sum((after->'undo'->>'trashedCards')::int), 0)::int as "trashedCards",
        coalesce(sum((after->'undo'->>'restoredCards')::int), 0)::int as "restoredCards",
        coalesce(sum((after->'undo'->>'trashedContacts')::int), 0)::int as "trashedContacts",
        coalesce(sum((after->'undo'->>'restoredContacts')::int), 0)::int as "restoredContacts"
      from import_rows where import_id = ${importId}::uuid and after ? 'undo'`),
  );
  const changed = rowsOf<{ item: Changed }>(
    await db.execute(sql`
      select e.item from import_rows r, jsonb_array_elements(r.after->'undo'->'changed') as e(item)
      where r.import_id = ${importId}::uuid and r.after ? 'undo' and jsonb_array_length(r.after->'undo'->'changed') > 0
      order by r.row_number limit 1000`),
  );
  return { ...sums, changedSince: changed.map((c) => c.item) };
}
