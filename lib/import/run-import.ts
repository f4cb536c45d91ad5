import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fields, imports, statuses, users, type ImportTotals } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { publishCardChanges, publishContactChanges, publishToUsers } from "@/lib/realtime/publish";
import { normaliseText } from "./guess-mapping";
import { rowParser, type ParsedRow, type RowReader } from "./parse-row";
import { emptyOverlay, planBatch, rememberCreated, type Overlay } from "./plan-batch";
import { readSourceRows, type SourceFormat } from "./source";
import type { ImportBadRow } from "./types";
import { writeBatch } from "./write-batch";

/** Rows per batch: one transaction each (the resume point), one live event set each. */
export const importBatchSize = 1000;

type ImportRecord = typeof imports.$inferSelect;
export type LoadedImport = { record: ImportRecord; reader: RowReader & { moduleId: string | null } };

export const addTotals = (a: ImportTotals, b: ImportTotals): ImportTotals => ({
  rows: a.rows + b.rows,
  created: a.created + b.created,
  updated: a.updated + b.updated,
  skipped: a.skipped + b.skipped,
  bad: a.bad + b.bad,
});
export const zeroTotals = (): ImportTotals => ({ rows: 0, created: 0, updated: 0, skipped: 0, bad: 0 });

/** An import with what reading its rows needs: the module's fields and statuses, the users, its header. */
export async function loadImport(db: Db, importId: string): Promise<LoadedImport> {
  const [record] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!record) throw notFound("import_not_found");
  const [moduleFields, moduleStatuses, allUsers] = await Promise.all([
    record.moduleId ? db.select().from(fields).where(eq(fields.moduleId, record.moduleId)).orderBy(asc(fields.position)) : Promise.resolve([]),
    record.moduleId ? db.select().from(statuses).where(eq(statuses.moduleId, record.moduleId)).orderBy(asc(statuses.position)) : Promise.resolve([]),
    db.select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName }).from(users).where(isNull(users.deactivatedAt)),
  ]);
  const format = record.format as SourceFormat;
  let header: string[] = [];
  for await (const row of readSourceRows(db, record.sourceBlobId, format, record.settings, { limitRows: 1 })) header = row.cells.map((c) => c.trim());
  return {
    record,
    reader: { header, settings: record.settings, format, target: record.target, fields: moduleFields, statuses: moduleStatuses, users: allUsers, importerId: record.createdById, moduleId: record.moduleId },
  };
}

/** Data rows in order, parsed, in batches; `skip` data rows are passed over (the committed ones of a resumed run). */
async function* parsedBatches(db: Db, loaded: LoadedImport, skip: number): AsyncGenerator<ParsedRow[]> {
  const parseRow = rowParser(loaded.reader);
  let seen = 0;
  let header = true;
  let batch: ParsedRow[] = [];
  for await (const row of readSourceRows(db, loaded.record.sourceBlobId, loaded.reader.format, loaded.record.settings)) {
    if (header) {
      header = false;
      continue;
    }
    if (seen++ < skip) continue;
    batch.push(parseRow(row.rowNumber, row.cells));
    if (batch.length >= importBatchSize) {
      yield batch;
      batch = [];
    }
    // Parsing and validating a row takes ~0.1 ms: a turn of the event loop every 100 rows keeps the server answering.
    if (batch.length % 100 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  if (batch.length) yield batch;
}

/** The dry run: every batch planned as the run plans it, nothing written. */
export async function planWholeImport(db: Db, loaded: LoadedImport): Promise<{ totals: ImportTotals; badRows: ImportBadRow[] }> {
  const overlay = emptyOverlay();
  const totals = zeroTotals();
  const badRows: ImportBadRow[] = [];
  for await (const batch of parsedBatches(db, loaded, 0)) {
    const plans = await planBatch(db, loaded.reader, batch, overlay, { lock: false });
    for (const p of plans) {
      totals.rows++;
      totals[p.outcome === "bad" ? "bad" : p.outcome]++;
      if (p.outcome === "bad" && p.reason) badRows.push({ rowNumber: p.rowNumber, reason: p.reason });
    }
  }
  return { totals, badRows };
}

/** What this import already wrote, for a resumed run's matching (contacts it created, records it updated). */
async function rebuildOverlay(db: Db, loaded: LoadedImport): Promise<Overlay> {
  const overlay = emptyOverlay();
  if (loaded.record.doneRows === 0) return overlay;
  const match = loaded.record.settings.duplicates.match;
  const created = (await db.execute(sql`
    select k.id, k.kind, k.name, k.emails, k.tax_number as "taxNumber" from contacts k
    where k.id in (select unnest(created_contact_ids) from import_rows where import_id = ${loaded.record.id}::uuid)`)) as unknown;
  const createdRows = (Array.isArray(created) ? created : (created as { rows: unknown[] }).rows) as { id: string; kind: "company" | "person"; name: string; emails: string[]; taxNumber: string }[];
  for (const c of createdRows) rememberCreated(overlay, { ...c, firstName: "", lastName: "", phones: [], address: "", companyId: null, name: c.name }, match);
  const touched = (await db.execute(sql`
    select row_number as "rowNumber", card_id as "cardId", outcome, updated_contact_ids as "updated" from import_rows
    where import_id = ${loaded.record.id}::uuid and (outcome in ('created', 'updated')) order by row_number`)) as unknown;
  const touchedRows = (Array.isArray(touched) ? touched : (touched as { rows: unknown[] }).rows) as { rowNumber: number; cardId: string | null; outcome: string; updated: string[] }[];
  for (const t of touchedRows) {
    if (t.cardId && t.outcome === "created") overlay.createdCardIds.add(t.cardId);
    if (t.cardId && t.outcome === "updated" && !overlay.touchedFirstRow.has(t.cardId)) overlay.touchedFirstRow.set(t.cardId, t.rowNumber);
    for (const id of t.updated) if (!overlay.touchedFirstRow.has(id)) overlay.touchedFirstRow.set(id, t.rowNumber);
  }
  return overlay;
}

/**
 * Runs (or resumes) an import's batches until the source ends or `until` passes. Each batch is ONE
 * transaction: it locks the import's row, checks that nobody committed this batch meanwhile (a second
 * runner, a lease that ran out), writes the batch and moves doneRows on — so a kill -9 leaves the
 * import at its last committed batch, and the next run continues from there, never half a card.
 * After each commit, one live event set for the batch and "import.progress" to the importer.
 */
export async function runImportBatches(db: Db, importId: string, { now, until }: { now: () => Date; until?: number }): Promise<"done" | "more" | "gone"> {
  const loaded = await loadImport(db, importId);
  const { record } = loaded;
  if (record.state !== "queued" && record.state !== "running") return "gone";
  if (record.state === "queued") {
    await db.update(imports).set({ state: "running", startedAt: record.startedAt ?? now(), updatedAt: now() }).where(and(eq(imports.id, importId), eq(imports.state, "queued")));
  }
  const overlay = await rebuildOverlay(db, loaded);
  let doneRows = record.doneRows;
  // A bulk load outgrows the planner's statistics: re-analysed as this run's rows grow fourfold (after 1,000,
  // 4,000, 16,000, 64,000, …), the duplicate lookups stay on their indexes; a full sample costs ~0.4 s.
  let analyzeAt = importBatchSize;
  let written = 0;
  await analyzeTables(db);
  const batches = parsedBatches(db, loaded, doneRows)[Symbol.asyncIterator]();
  let next = batches.next();
  next.catch(() => {});
  try {
    for (let item = await next; !item.done; item = await next) {
      const batch = item.value;
      // The next batch is read and parsed while this one is written (on PostgreSQL the two overlap). Its
      // failure (a broken line further on) is awaited in the next turn; marked handled until then.
      next = batches.next();
      next.catch(() => {});
      if (written >= analyzeAt) {
        analyzeAt *= 4;
        await analyzeTables(db);
      }
      written += batch.length;
      const outcome = await runBatch(batch);
      if (outcome) return outcome;
    }
  } finally {
    await next.catch(() => {});
    await batches.return(undefined);
  }
  await db
    .update(imports)
    .set({ state: "done", finishedAt: now(), updatedAt: now() })
    .where(and(eq(imports.id, importId), eq(imports.state, "running")));
  publishToUsers({ kind: "import.progress", importId }, [record.createdById]);
  return "done";

  /** One batch in its transaction; "gone" or "more" ends the run here. */
  async function runBatch(batch: ParsedRow[]): Promise<"gone" | "more" | null> {
    const at = now();
    const result = await db.transaction(async (tx) => {
      // A batch's commit need not wait for its WAL flush: the resume point (done_rows) commits with it, so a
      // crash that loses the last batches just runs them again, and the run's final synchronous commit
      // ("done") flushes every batch before it.
      await tx.execute(sql`set local synchronous_commit = off`);
      const [locked] = await tx.execute(sql`select done_rows as "doneRows", state from imports where id = ${importId}::uuid for update`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { doneRows: number; state: string }[]);
      if (!locked || locked.doneRows !== doneRows || locked.state !== "running") return null;
      const plans = await planBatch(tx, loaded.reader, batch, overlay, { lock: true });
      const result = await writeBatch(tx, { importId, moduleId: record.moduleId, actorId: record.createdById, now: at }, plans);
      await tx.execute(sql`
        update imports set done_rows = done_rows + ${batch.length},
          totals = jsonb_build_object(
            'rows', (totals->>'rows')::int + ${result.totals.rows}, 'created', (totals->>'created')::int + ${result.totals.created},
            'updated', (totals->>'updated')::int + ${result.totals.updated}, 'skipped', (totals->>'skipped')::int + ${result.totals.skipped},
            'bad', (totals->>'bad')::int + ${result.totals.bad}),
          updated_at = ${at.toISOString()}::timestamptz
        where id = ${importId}::uuid`);
      return result;
    });
    // Another runner moved on (or the import was stopped): this one leaves it alone.
    if (!result) return "gone";
    doneRows += batch.length;
    await publishBatch(db, record, result);
    return until !== undefined && Date.now() > until ? "more" : null;
  }
}

async function analyzeTables(db: Db) {
  await db.execute(sql`analyze contacts`);
  await db.execute(sql`analyze cards`);
}

/** One event set per batch: the module's lists refetch once (they debounce), contacts once each, the importer's progress bar. */
async function publishBatch(db: Db, record: ImportRecord, written: Awaited<ReturnType<typeof writeBatch>>) {
  try {
    const owners = [...new Set([...written.createdCards.map((c) => c.ownerId), ...written.updatedCards.flatMap((c) => c.ownerIds)])];
    if (record.moduleId && owners.length) {
      await publishCardChanges(db, [{ event: { kind: written.updatedCards.length ? "card.changed" : "card.created", moduleId: record.moduleId }, ownerIds: owners }]);
    }
    // The contact list refetches on any contact event: one (of the batch's first contact) tells it.
    if (written.contactIds.length) await publishContactChanges(db, written.contactIds.slice(0, 1));
    publishToUsers({ kind: "import.progress", importId: record.id }, [record.createdById]);
  } catch (error) {
    console.error("import: publishing a batch failed", error);
  }
}

/** Normalised header comparison, for settings that keep a mapping across a re-read. */
export const sameHeader = (a: string[], b: string[]) => a.length === b.length && a.every((h, i) => normaliseText(h) === normaliseText(b[i]));
