import type { fields as fieldsTable, FieldValue, ImportSettings, statuses as statusesTable } from "@/db/schema";
import { contactInputSchema } from "@/lib/contacts/contact-input";
import { valueSchema } from "@/lib/modules/field-values";
import { normaliseText } from "./guess-mapping";
import { parseFieldValue, userIndex, type Parsed, type UserRef } from "./parse-value";
import { looksLikeMixedEncoding, type SourceFormat } from "./source";
import type { ImportReason } from "./types";

type Field = typeof fieldsTable.$inferSelect;
type Status = typeof statusesTable.$inferSelect;

export type ContactDraft = {
  kind: "company" | "person";
  name: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  address: string;
  taxNumber: string;
};

/** One source row read into what it would write; the duplicates rule decides later whether and how. */
export type RowDraft = {
  rowNumber: number;
  card: { name: string; statusId: string; ownerId: string | null; values: Record<string, FieldValue>; given: { name: boolean; status: boolean; owner: boolean } } | null;
  company: ContactDraft | null;
  person: ContactDraft | null;
};

export type ParsedRow = { ok: true; draft: RowDraft } | { ok: false; rowNumber: number; reason: ImportReason; name?: string };

/** What reading rows needs, loaded once per run (lib/import/load-import-context.ts). */
export type RowReader = {
  header: string[];
  settings: ImportSettings;
  format: SourceFormat;
  target: "cards" | "contacts";
  fields: Field[];
  statuses: Status[];
  users: UserRef[];
  importerId: string;
};

const splitList = (v: string) => v.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);

/** Builds the per-row parser for one run: the column of each target, users and statuses by name. */
export function rowParser(reader: RowReader) {
  const { header, settings } = reader;
  const columnOf = new Map<string, number>();
  for (const [col, key] of Object.entries(settings.mapping)) if (key && !columnOf.has(key)) columnOf.set(key, Number(col));
  const findUser = userIndex(reader.users);
  const liveStatuses = reader.statuses.filter((s) => !s.archivedAt);
  const statusByName = new Map(liveStatuses.map((s) => [normaliseText(s.name), s.id]));
  const defaultStatus = liveStatuses.find((s) => s.group === "open") ?? liveStatuses[0];
  const liveFields = reader.fields.filter((f) => !f.archivedAt);
  // Each column's check, as the card form's (lib/modules/field-values.ts), built once for the run: a zod
  // schema compiles itself on first use, which per row cost more than everything else in reading it.
  const fieldColumns = liveFields.flatMap((f) => (columnOf.has(`field:${f.id}`) ? [{ field: f, col: columnOf.get(`field:${f.id}`)!, schema: valueSchema(f) }] : []));
  const machine = reader.format === "xlsx";
  const maxMapped = Math.max(header.length, ...[...columnOf.values()].map((c) => c + 1));
  const single = settings.encoding && reader.format === "csv" ? settings.encoding : "";

  return (rowNumber: number, cells: string[]): ParsedRow => {
    // A bad row keeps what names it, for the report.
    const rowName = () => ((cells[columnOf.get("name") ?? -1] ?? "") || (cells[columnOf.get("company.name") ?? -1] ?? "") || (cells[columnOf.get("person.name") ?? -1] ?? "")).trim().slice(0, 300);
    const bad = (code: string, extra: Record<string, unknown> = {}): ParsedRow => ({ ok: false, rowNumber, reason: { code, ...extra }, name: rowName() || undefined });
    if (cells.length > maxMapped && cells.slice(maxMapped).some((c) => c.trim() !== "")) return bad("too_many_cells", { cells: cells.length, columns: header.length });
    const columnName = (col: number) => header[col] || `#${col + 1}`;
    if (single) {
      const mixed = cells.findIndex((c) => looksLikeMixedEncoding(c, single));
      if (mixed >= 0) return bad("mixed_encoding", { column: columnName(mixed) });
    }
    const cell = (key: string) => {
      const col = columnOf.get(key);
      return col === undefined ? "" : (cells[col] ?? "").trim();
    };
    const colFor = (key: string) => columnName(columnOf.get(key) ?? -1);

    const contact = (kind: "company" | "person"): ParsedRow | ContactDraft | null => {
      const p = `${kind}.`;
      const name = cell(`${p}name`);
      const first = kind === "person" ? cell("person.first_name") : "";
      const last = kind === "person" ? cell("person.last_name") : "";
      const emails = splitList(cell(`${p}email`));
      const phones = splitList(cell(`${p}phone`));
      const address = kind === "company" ? cell("company.address") : "";
      const taxNumber = kind === "company" ? cell("company.tax_number") : "";
      if (!name && !first && !last && !emails.length && !phones.length && !address && !taxNumber) return null;
      let displayName = name;
      if (!displayName && !first && !last) {
        // A person given only by email or phone is named after the card (a cards import), else refused.
        const fallback = reader.target === "cards" ? cell("name") || (kind === "person" ? cell("company.name") : "") : "";
        if (!fallback) return bad(kind === "company" ? "missing_company_name" : "missing_person_name");
        displayName = fallback;
      }
      const parsed = contactInputSchema.safeParse({
        kind,
        name: kind === "company" ? displayName : "",
        // A person's single "Name" column is kept whole ("Kovács Anna"): as last name, which the display name puts first.
        firstName: kind === "person" ? first : "",
        lastName: kind === "person" ? last || (first ? "" : displayName) : "",
        emails,
        phones,
        address,
        taxNumber,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = String(issue?.path[0] ?? "name");
        const key = path === "emails" ? `${p}email` : path === "phones" ? `${p}phone` : path === "taxNumber" ? "company.tax_number" : path === "address" ? "company.address" : `${p}name`;
        const code = issue?.message === "invalid_email" ? "bad_email" : issue?.message === "invalid_phone" ? "bad_phone" : issue?.message === "too_long" ? "too_long" : issue?.message === "too_many" ? "too_many_values" : "invalid_value";
        return bad(code, { column: colFor(key), value: cell(key).slice(0, 200) });
      }
      const c = parsed.data;
      return { kind, name: c.name, firstName: c.firstName, lastName: c.lastName, emails: c.emails, phones: c.phones, address: c.address, taxNumber: c.taxNumber };
    };

    const company = contact("company");
    if (company && "ok" in company) return company;
    const person = contact("person");
    if (person && "ok" in person) return person;

    if (reader.target === "contacts") {
      if (!company && !person) return bad("missing_name");
      return { ok: true, draft: { rowNumber, card: null, company, person } };
    }

    const name = cell("name") || company?.name || person?.name || "";
    if (!name) return bad("missing_name");
    if (name.length > 300) return bad("too_long", { column: colFor("name"), value: name.slice(0, 200) });
    const statusText = cell("status");
    let statusId = defaultStatus?.id ?? "";
    if (statusText) {
      const found = statusByName.get(normaliseText(statusText));
      if (!found) return bad("unknown_status", { column: colFor("status"), value: statusText.slice(0, 200) });
      statusId = found;
    }
    if (!statusId) return bad("unknown_status", { column: colFor("status"), value: statusText });
    const ownerText = cell("owner");
    let ownerId: string | null = reader.importerId;
    if (ownerText) {
      const owner = findUser(ownerText);
      if (!owner.ok) return bad(owner.code === "ambiguous_user" ? "ambiguous_owner" : "unknown_owner", { column: colFor("owner"), value: ownerText.slice(0, 200) });
      ownerId = owner.value;
    }
    const values: Record<string, FieldValue> = {};
    for (const { field, col, schema } of fieldColumns) {
      const text = (cells[col] ?? "").trim();
      if (!text) continue;
      const parsed: Parsed<FieldValue> = parseFieldValue(text, field, { locale: settings.locale, machine, findUser });
      if (!parsed.ok) return bad(parsed.code, { column: columnName(col), value: text.slice(0, 200) });
      if (parsed.value === null || parsed.value === "" || (Array.isArray(parsed.value) && parsed.value.length === 0)) {
        values[field.id] = null;
        continue;
      }
      // The card form's own checks (types, lengths, choices); required fields are checked when the card is created.
      const checked = schema.safeParse(parsed.value);
      if (!checked.success) return bad(reasonFromFieldCode(checked.error.issues[0]?.message ?? "invalid_value"), { column: columnName(col), value: text.slice(0, 200) });
      values[field.id] = checked.data;
    }
    return {
      ok: true,
      draft: {
        rowNumber,
        card: { name, statusId, ownerId, values, given: { name: Boolean(cell("name")), status: Boolean(statusText), owner: Boolean(ownerText) } },
        company,
        person,
      },
    };
  };
}

/** The card form's error codes as import reasons. */
function reasonFromFieldCode(code: string): string {
  const map: Record<string, string> = {
    invalid_number: "bad_number",
    invalid_currency: "bad_money",
    invalid_date: "bad_date",
    date_out_of_range: "date_out_of_range",
    invalid_choice: "bad_choice",
    invalid_email: "bad_email",
    invalid_phone: "bad_phone",
    invalid_url: "bad_url",
    invalid_user: "unknown_user",
    too_long: "too_long",
    required: "required",
  };
  return map[code] ?? "invalid_value";
}

/** Fields a created card must have: a row missing one is bad ("required"). */
export function missingRequired(fields: Field[], values: Record<string, FieldValue>): Field | null {
  for (const f of fields) {
    if (f.archivedAt || !f.required) continue;
    const v = values[f.id];
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return f;
  }
  return null;
}
