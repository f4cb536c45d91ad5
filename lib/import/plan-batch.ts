import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { textArray, uuidArray } from "./sql-arrays";
import type { Db } from "@/db/client";
import type { FieldValue, ImportRowOutcome, ImportSettings } from "@/db/schema";
import { normaliseText } from "./guess-mapping";
import { missingRequired, type ContactDraft, type ParsedRow, type RowReader } from "./parse-row";
import type { ImportReason } from "./types";
import { rowsOf } from "@/db/rows";

/**
 * The planning function of an import: what one batch of rows would write, decided with set-based
 * lookups (one query for the batch's matching contacts, one for their cards — never one per row).
 * The dry run and the real run both call it, in the same order with the same memory of what earlier
 * rows created, so the dry run's report is the run's report; the run then hands the plan to
 * write-batch.ts inside the same transaction (with the matched rows locked).
 */

export type ExistingContact = {
  id: string;
  kind: "company" | "person";
  name: string;
  emails: string[];
  phones: string[];
  address: string;
  taxNumber: string;
  version: number;
};

export type ExistingCard = { id: string; contactId: string; version: number; name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue> };

export type NewContact = ContactDraft & { id: string; companyId: string | null };
export type ContactUpdate = { id: string; version: number; before: Pick<ExistingContact, "emails" | "phones" | "address" | "taxNumber">; set: Pick<ExistingContact, "emails" | "phones" | "address" | "taxNumber"> };
export type CardCreate = { id: string; name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue>; contactIds: string[]; contactNames: string[] };
export type CardUpdate = {
  id: string;
  version: number;
  ownerBefore: string | null;
  before: { name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue> };
  set: { name?: string; statusId?: string; ownerId?: string | null; values?: Record<string, FieldValue> };
};

export type RowPlan = {
  rowNumber: number;
  outcome: ImportRowOutcome;
  reason: ImportReason | null;
  name: string | null;
  newContacts: NewContact[];
  contactUpdates: ContactUpdate[];
  /** Existing or in-file contacts the row's new card links to, besides its new ones. */
  cardCreate: CardCreate | null;
  cardUpdate: CardUpdate | null;
};

/**
 * What this import has written so far, as far as matching goes: contacts it created (by their match
 * keys: an in-file duplicate links to the first row's contact instead of creating it again), and
 * existing records it updated (a second row for the same record is reported, not applied twice).
 * The run rebuilds it on resume from import_rows (load-import-context.ts).
 */
export type Overlay = {
  createdByKey: Map<string, string>;
  createdIds: Set<string>;
  createdCardIds: Set<string>;
  touchedFirstRow: Map<string, number>;
};

export const emptyOverlay = (): Overlay => ({ createdByKey: new Map(), createdIds: new Set(), createdCardIds: new Set(), touchedFirstRow: new Map() });

type MatchKey = ImportSettings["duplicates"]["match"][number];

export function contactKeys(c: Pick<ContactDraft, "kind" | "emails" | "taxNumber" | "name">, match: MatchKey[]): { key: string; by: MatchKey }[] {
  const keys: { key: string; by: MatchKey }[] = [];
  for (const by of match) {
    if (by === "email") for (const e of c.emails) keys.push({ key: `${c.kind}|email|${e.toLowerCase()}`, by });
    if (by === "tax_number" && c.taxNumber) keys.push({ key: `${c.kind}|tax|${c.taxNumber.replace(/\s/g, "")}`, by });
    if (by === "name" && c.name) keys.push({ key: `${c.kind}|name|${normaliseText(c.name)}`, by });
  }
  return keys;
}

/** Within one file the same company name is the same company, whatever the rule for existing ones says. */
const inFileMatch = (kind: ContactDraft["kind"], match: MatchKey[]): MatchKey[] => (kind === "company" && !match.includes("name") ? [...match, "name"] : match);

/** Remembers a contact this import created (or, in the dry run, would create). */
export function rememberCreated(overlay: Overlay, contact: NewContact, match: MatchKey[]) {
  overlay.createdIds.add(contact.id);
  for (const { key } of contactKeys(contact, inFileMatch(contact.kind, match))) if (!overlay.createdByKey.has(key)) overlay.createdByKey.set(key, contact.id);
}


/**
 * Moves the emails GIN index's pending list into the index proper. Rows inserted since the last vacuum
 * (a bulk load's thousands) wait in that list, which every `&&` lookup scans linearly against each of its
 * keys: at 70,000 pending contacts a batch's 2,000-email lookup took 35 s instead of 0.1 s. Flushing
 * before each lookup keeps it an index search; it costs what the next vacuum would have done anyway.
 * Only when this role owns the index (the app's own tables; otherwise the lookup is merely slower).
 */
async function flushEmailIndex(db: Db) {
  await db.execute(sql`select gin_clean_pending_list(c.oid) from pg_class c where c.relname = 'contacts_emails_idx' and c.relkind = 'i' and pg_has_role(c.relowner, 'USAGE')`);
}

/** Live contacts matching any of the batch's keys, in one query (locked for the batch in the real run). */
async function lookupContacts(db: Db, drafts: ContactDraft[], match: MatchKey[], lock: boolean): Promise<ExistingContact[]> {
  const emails = match.includes("email") ? [...new Set(drafts.flatMap((d) => d.emails))] : [];
  const taxes = match.includes("tax_number") ? [...new Set(drafts.filter((d) => d.kind === "company" && d.taxNumber).map((d) => d.taxNumber))] : [];
  const names = match.includes("name") ? [...new Set(drafts.map((d) => `${d.kind}|${d.name.toLowerCase()}`))] : [];
  if (!emails.length && !taxes.length && !names.length) return [];
  if (emails.length) await flushEmailIndex(db);
  // One statement, each part on its own index (emails: GIN; tax numbers: the partial btree; names: lower(name)).
  const columns = sql`id, kind, name, emails, phones, address, tax_number as "taxNumber", version, created_at`;
  const parts = [
    emails.length ? sql`(select ${columns} from contacts where deleted_at is null and emails && ${textArray(emails)})` : null,
    taxes.length ? sql`(select ${columns} from contacts where deleted_at is null and kind = 'company' and tax_number <> '' and tax_number = any(${textArray(taxes)}))` : null,
    names.length ? sql`(select ${columns} from contacts where deleted_at is null and lower(name) = any(${textArray([...new Set(names.map((n) => n.slice(n.indexOf("|") + 1)))])}))` : null,
  ].filter((p): p is NonNullable<typeof p> => p !== null);
  const matching = sql.join(parts, sql` union `);
  const result = await db.execute(sql`select * from (${matching}) m order by created_at, id`);
  if (lock && result) {
    const ids = rowsOf<ExistingContact>(result).map((c) => c.id);
    if (ids.length) await db.execute(sql`select id from contacts where id = any(${uuidArray(ids)}) order by id for update`);
  }
  return rowsOf<ExistingContact>(result);
}

/** The module's live cards linked to these contacts (the one an "update" row updates: the oldest). */
async function lookupCards(db: Db, moduleId: string, contactIds: string[], lock: boolean): Promise<ExistingCard[]> {
  if (!contactIds.length) return [];
  const result = await db.execute(sql`
    select c.id, cc.contact_id as "contactId", c.version, c.name, c.status_id as "statusId", c.owner_id as "ownerId", c.values
    from card_contacts cc join cards c on c.id = cc.card_id
    where cc.contact_id = any(${uuidArray(contactIds)}) and c.module_id = ${moduleId}::uuid and c.deleted_at is null
    order by c.created_at, c.id ${lock ? sql`for update of c` : sql``}`);
  return rowsOf<ExistingCard>(result);
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Plans a batch. `lock`: the real run (inside its transaction) locks the existing contacts and cards
 * it matched until the batch commits — one short transaction, never the whole import.
 */
export async function planBatch(db: Db, reader: RowReader & { moduleId: string | null }, rows: ParsedRow[], overlay: Overlay, { lock }: { lock: boolean }): Promise<RowPlan[]> {
  const { match, action } = reader.settings.duplicates;
  const drafts = rows.flatMap((r) => (r.ok ? [r.draft] : []));
  const contactDrafts = drafts.flatMap((d) => [d.company, d.person].filter((c): c is ContactDraft => c !== null));
  const existing = action === "create" ? [] : (await lookupContacts(db, contactDrafts, match, lock)).filter((c) => !overlay.createdIds.has(c.id));
  const existingByKey = new Map<string, { contact: ExistingContact; by: MatchKey }>();
  for (const c of existing) {
    for (const { key, by } of contactKeys(c, match)) if (!existingByKey.has(key)) existingByKey.set(key, { contact: c, by });
    // Stored names are compared as the database does (lower case); accents are kept there.
    if (match.includes("name")) {
      const key = `${c.kind}|name|${normaliseText(c.name)}`;
      if (!existingByKey.has(key)) existingByKey.set(key, { contact: c, by: "name" });
    }
  }
  const findExisting = (d: ContactDraft) => {
    for (const { key } of contactKeys(d, match)) {
      const hit = existingByKey.get(key);
      if (hit) return hit;
    }
    return null;
  };
  const findCreated = (d: ContactDraft) => {
    for (const { key } of contactKeys(d, inFileMatch(d.kind, match))) {
      const id = overlay.createdByKey.get(key);
      if (id) return id;
    }
    return null;
  };

  const cards =
    reader.target === "cards" && action === "update" && reader.moduleId
      ? await lookupCards(db, reader.moduleId, [...new Set(drafts.flatMap((d) => [d.company, d.person].flatMap((c) => (c ? [findExisting(c)?.contact.id ?? ""] : [])).filter(Boolean)))], lock)
      : [];
  const cardOf = new Map<string, ExistingCard>();
  for (const c of cards) if (!cardOf.has(c.contactId)) cardOf.set(c.contactId, c);

  const plans: RowPlan[] = [];
  for (const [i, row] of rows.entries()) {
    // Planning a row is pure work (keys, maps): a turn of the event loop every 250 keeps the server answering.
    if (i % 250 === 249) await new Promise<void>((resolve) => setImmediate(resolve));
    if (!row.ok) {
      plans.push({ rowNumber: row.rowNumber, outcome: "bad", reason: row.reason, name: row.name ?? null, newContacts: [], contactUpdates: [], cardCreate: null, cardUpdate: null });
      continue;
    }
    const d = row.draft;
    const plan: RowPlan = { rowNumber: d.rowNumber, outcome: "created", reason: null, name: d.card?.name ?? d.company?.name ?? d.person?.name ?? null, newContacts: [], contactUpdates: [], cardCreate: null, cardUpdate: null };
    const parts = [d.company, d.person].filter((c): c is ContactDraft => c !== null);
    const matches = parts.map((c) => ({ draft: c, created: findCreated(c), existing: action === "create" ? null : findExisting(c) }));

    const firstExisting = matches.find((m) => !m.created && m.existing);
    if (firstExisting && action === "skip") {
      plans.push({ ...plan, outcome: "skipped", reason: { code: "duplicate", kind: firstExisting.draft.kind, matchedBy: firstExisting.existing!.by, match: firstExisting.existing!.contact.name } });
      continue;
    }
    const touched = matches.find((m) => !m.created && m.existing && overlay.touchedFirstRow.has(m.existing.contact.id));
    if (touched) {
      plans.push({ ...plan, outcome: "skipped", reason: { code: "duplicate_in_file", firstRow: overlay.touchedFirstRow.get(touched.existing!.contact.id) } });
      continue;
    }
    if (d.card && !firstExisting) {
      const missing = missingRequired(reader.fields, d.card.values);
      if (missing) {
        plans.push({ ...plan, outcome: "bad", reason: { code: "required", column: missing.name } });
        continue;
      }
    }

    // Contacts: reuse what this import created for an earlier row, update a matched one, or create.
    const ids: Record<"company" | "person", string | null> = { company: null, person: null };
    const names: Record<"company" | "person", string> = { company: "", person: "" };
    for (const m of matches) {
      names[m.draft.kind] = m.draft.name;
      if (m.created) ids[m.draft.kind] = m.created;
      else if (m.existing) {
        const c = m.existing.contact;
        ids[m.draft.kind] = c.id;
        names[m.draft.kind] = c.name;
        const set = {
          emails: union(c.emails, m.draft.emails),
          phones: union(c.phones, m.draft.phones),
          address: m.draft.address || c.address,
          taxNumber: m.draft.taxNumber || c.taxNumber,
        };
        const before = { emails: c.emails, phones: c.phones, address: c.address, taxNumber: c.taxNumber };
        if (!same(set, before)) plan.contactUpdates.push({ id: c.id, version: c.version, before, set });
      } else {
        const created: NewContact = { ...m.draft, id: randomUUID(), companyId: null };
        plan.newContacts.push(created);
        ids[m.draft.kind] = created.id;
      }
    }
    for (const c of plan.newContacts) if (c.kind === "person") c.companyId = ids.company;

    if (d.card) {
      const primaryExisting = firstExisting ? cardOf.get(firstExisting.existing!.contact.id) : undefined;
      const existingCard = primaryExisting && !overlay.createdCardIds.has(primaryExisting.id) && !overlay.touchedFirstRow.has(primaryExisting.id) ? primaryExisting : undefined;
      if (existingCard) {
        const set: CardUpdate["set"] = {};
        if (d.card.given.name && d.card.name !== existingCard.name) set.name = d.card.name;
        if (d.card.given.status && d.card.statusId !== existingCard.statusId) set.statusId = d.card.statusId;
        if (d.card.given.owner && d.card.ownerId !== existingCard.ownerId) set.ownerId = d.card.ownerId;
        const changed = Object.entries(d.card.values).filter(([id, v]) => v !== null && !same(existingCard.values[id], v));
        if (changed.length) set.values = Object.fromEntries(changed);
        plan.cardUpdate = {
          id: existingCard.id,
          version: existingCard.version,
          ownerBefore: existingCard.ownerId,
          before: { name: existingCard.name, statusId: existingCard.statusId, ownerId: existingCard.ownerId, values: Object.fromEntries(changed.map(([id]) => [id, existingCard.values[id] ?? null])) },
          set,
        };
        plan.outcome = "updated";
        plan.name = existingCard.name;
      } else {
        const missing = firstExisting ? missingRequired(reader.fields, d.card.values) : null;
        if (missing) {
          plans.push({ ...plan, outcome: "bad", reason: { code: "required", column: missing.name }, newContacts: [], contactUpdates: [] });
          continue;
        }
        plan.cardCreate = { id: randomUUID(), name: d.card.name, statusId: d.card.statusId, ownerId: d.card.ownerId, values: d.card.values, contactIds: [ids.company, ids.person].filter((x): x is string => Boolean(x)),
          contactNames: (["company", "person"] as const).filter((k) => ids[k]).map((k) => names[k]),
        };
      }
    } else {
      // A contacts import: created when it made a new contact, updated when it only updated, else nothing new.
      plan.outcome = plan.newContacts.length ? "created" : plan.contactUpdates.length || matches.some((m) => !m.created && m.existing) ? "updated" : "skipped";
      if (plan.outcome === "skipped") plan.reason = { code: "duplicate_in_file", firstRow: null };
    }

    // Remember for the rows after this one (in this batch and the next).
    for (const c of plan.newContacts) rememberCreated(overlay, c, match);
    for (const u of plan.contactUpdates) overlay.touchedFirstRow.set(u.id, d.rowNumber);
    for (const m of matches) if (!m.created && m.existing && !overlay.touchedFirstRow.has(m.existing.contact.id) && action === "update") overlay.touchedFirstRow.set(m.existing.contact.id, d.rowNumber);
    if (plan.cardCreate) overlay.createdCardIds.add(plan.cardCreate.id);
    if (plan.cardUpdate) overlay.touchedFirstRow.set(plan.cardUpdate.id, d.rowNumber);
    plans.push(plan);
  }
  return plans;
}
