import * as XLSX from "@e965/xlsx";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { blobs, cardContacts, cards, contacts, history, importRows, imports } from "@/db/schema";
import { updateCard } from "@/lib/cards/update-card";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createImport } from "./create-import";
import { dryRunImport } from "./dry-run-import";
import { getImport } from "./get-import";
import { importReportCsv } from "./import-report-csv";
import { listImportRows } from "./list-import-rows";
import { listImports } from "./list-imports";
import { startImport } from "./start-import";
import { undoImport } from "./undo-import";
import { updateImportSettings } from "./update-import-settings";

let db: Db;
let crm: Awaited<ReturnType<typeof seedCrm>>;
const now = new Date("2026-05-04T10:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  crm = await seedCrm(db);
});

const admin = () => ctx(db, crm.actors.admin, now);
const source = (bytes: Buffer) => (async function* () {
  // In pieces, as an upload arrives.
  for (let i = 0; i < bytes.length; i += 7000) yield bytes.subarray(i, i + 7000);
})();

async function upload(bytes: Buffer, { target = "cards", fileName = "import.csv", format = "file" }: { target?: "cards" | "contacts"; fileName?: string; format?: "file" | "paste" } = {}) {
  return (await createImport(admin(), { target, moduleId: target === "cards" ? crm.module.id : null, fileName, format, source: source(bytes) })).importId;
}

async function run(importId: string) {
  await startImport(admin(), importId);
  const runner = { db, clock: { now: () => now }, handlers: jobHandlers, runnerId: "test" };
  for (let i = 0; i < 20 && (await db.select().from(imports).where(eq(imports.id, importId)))[0].state !== "done"; i++) await runDueJobs(runner);
  const [record] = await db.select().from(imports).where(eq(imports.id, importId));
  return record;
}

const count = async (q: Promise<{ n: number }[]>) => (await q)[0].n;

/** A Hungarian Excel export: windows-1250, `;`, decimal commas, dotted dates. */
function hungarianCsv(rows: string[][]) {
  const header = ["Név", "Cég", "E-mail", "Telefon", "Adószám", "Státusz", "Felelős", "Budget", "Source"];
  return iconv.encode([header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n", "windows-1250");
}

describe("importing cards from a Hungarian Excel CSV (windows-1250, ;)", () => {
  let importId: string;
  const rows = [
    ["Árvíztűrő Tükörfúrógép", "Tükör Kft.", "anna@tukor.hu", "+36 1 234 5678", "12345678-2-41", "Offer sent", "manager@test.hu", "1 050 000,00", "kiállítás"],
    ["Őszi ajánlat", "Ősz Bt.", "bela@osz.hu", "", "", "", "Test manager", "1.050.000 Ft", "WEB"],
    ["Hibás dátum", "Rossz Kft.", "rossz@x.hu", "", "", "Nincs ilyen", "", "", ""],
    ["<script>alert(1)</script>", "Script Kft.", "", "", "", "", "", "12,5", ""],
    ["=HYPERLINK(\"http://evil\")", "Evil Kft.", "", "", "", "", "", "sok", ""],
    ["Túl sok cella", "X Kft.", "", "", "", "", "", "", "", "extra"],
  ];

  it("detects the encoding, the separator and the mapping; the preview reads the accents", async () => {
    crm.fields.source.options.choices![1].label = "Kiállítás";
    await db.execute(sql`update fields set options = ${JSON.stringify({ choices: [{ id: "web", label: "Web" }, { id: "fair", label: "Kiállítás" }] })}::jsonb where id = ${crm.fields.source.id}::uuid`);
    importId = await upload(hungarianCsv(rows));
    const draft = await getImport(admin(), importId);
    expect(draft.detected).toMatchObject({ encoding: "windows-1250", separator: ";" });
    expect(draft.columns.map((c) => c.header)).toEqual(["Név", "Cég", "E-mail", "Telefon", "Adószám", "Státusz", "Felelős", "Budget", "Source"]);
    expect(draft.preview[0][0]).toBe("Árvíztűrő Tükörfúrógép");
    expect(draft.totalRows).toBe(6);
    expect(draft.settings.mapping).toEqual({
      "0": "name", "1": "company.name", "2": "person.email", "3": "person.phone", "4": "company.tax_number", "5": "status", "6": "owner",
      "7": `field:${crm.fields.budget.id}`, "8": `field:${crm.fields.source.id}`,
    });
    expect(draft.targets.some((t) => t.key === `field:${crm.fields.budget.id}`)).toBe(true);
  });

  it("the dry run reports every bad row with its reason and writes nothing", async () => {
    const before = await count(db.select({ n: sql<number>`count(*)::int` }).from(cards));
    const plan = await dryRunImport(admin(), importId);
    expect(plan.totals).toEqual({ rows: 6, created: 3, updated: 0, skipped: 0, bad: 3 });
    expect(plan.badRows).toEqual([
      { rowNumber: 4, reason: { code: "unknown_status", column: "Státusz", value: "Nincs ilyen" } },
      { rowNumber: 6, reason: { code: "bad_money", column: "Budget", value: "sok" } },
      { rowNumber: 7, reason: { code: "too_many_cells", cells: 10, columns: 9 } },
    ]);
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(cards))).toBe(before);
    expect((await getImport(admin(), importId)).plan).toEqual(plan.totals);
  });

  it("the run does what the dry run said: cards, companies, persons, links, history, search", async () => {
    const plan = await dryRunImport(admin(), importId);
    const done = await run(importId);
    expect(done.state).toBe("done");
    expect(done.totals).toEqual(plan.totals);
    expect(done.doneRows).toBe(6);
    const bad = await listImportRows(admin(), { importId, outcome: "bad" });
    expect(bad.rows.map((r) => ({ rowNumber: r.rowNumber, reason: r.reason }))).toEqual(plan.badRows);

    const created = await db.select().from(cards).where(eq(cards.name, "Árvíztűrő Tükörfúrógép"));
    expect(created).toHaveLength(1);
    const card = created[0];
    expect(card.statusId).toBe(crm.statuses.offer.id);
    expect(card.ownerId).toBe(crm.actors.manager.id);
    expect(card.values[crm.fields.budget.id]).toEqual({ amount: 1050000, currency: "HUF" });
    expect(card.values[crm.fields.source.id]).toBe("fair");
    expect(card.searchText).toContain("anna@tukor.hu");
    expect(card.searchText).toContain("tükör kft.");
    const linked = await db.select({ kind: contacts.kind, name: contacts.name, emails: contacts.emails, taxNumber: contacts.taxNumber, companyId: contacts.companyId, id: contacts.id }).from(cardContacts).innerJoin(contacts, eq(contacts.id, cardContacts.contactId)).where(eq(cardContacts.cardId, card.id)).orderBy(cardContacts.position);
    expect(linked.map((l) => [l.kind, l.name])).toEqual([["company", "Tükör Kft."], ["person", "Árvíztűrő Tükörfúrógép"]]);
    expect(linked[0].taxNumber).toBe("12345678-2-41");
    expect(linked[1].emails).toEqual(["anna@tukor.hu"]);
    expect(linked[1].companyId).toBe(linked[0].id);
    const entries = await db.select().from(history).where(eq(history.cardId, card.id));
    expect(entries.map((e) => e.kind)).toEqual(["card_created"]);
    expect((entries[0].data.contacts as { name: string }[]).map((c) => c.name)).toEqual(["Tükör Kft.", "Árvíztűrő Tükörfúrógép"]);
    expect(entries.every((e) => e.data.importId === importId && e.actorId === crm.actors.admin.id)).toBe(true);

    const second = (await db.select().from(cards).where(eq(cards.name, "Őszi ajánlat")))[0];
    expect(second.values[crm.fields.budget.id]).toEqual({ amount: 1050000, currency: "HUF" });
    expect(second.values[crm.fields.source.id]).toBe("web");
    expect(second.statusId).toBe(crm.statuses.lead.id);
    // A cell with markup is kept as text (React escapes it where it is shown).
    expect((await db.select().from(cards).where(eq(cards.name, "<script>alert(1)</script>"))).length).toBe(1);
  });

  it("the report CSV has a BOM, the chosen separator, translated reasons and neutralised formulas", async () => {
    let csv = "";
    for await (const part of importReportCsv({ ...admin(), actor: { ...crm.actors.admin, locale: "hu" } }, { importId, separator: ";" })) csv += part;
    expect(csv.startsWith("\ufeffSor;Eredmény;Ok;Név;Adatlap\r\n")).toBe(true);
    expect(csv).toContain("4;hibás sor;A modulnak nincs „Nincs ilyen” státusza (Státusz).");
    expect(csv).toContain(';"\'=HYPERLINK(""http://evil"")";');
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(7);
  });

  it("lists the module's imports; a Normal user may not import", async () => {
    const list = await listImports(admin(), { moduleId: crm.module.id });
    expect(list.find((i) => i.id === importId)).toMatchObject({ id: importId, state: "done", fileName: "import.csv" });
    await expect(getImport(ctx(db, crm.actors.normal), importId)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(createImport(ctx(db, crm.actors.restricted), { target: "cards", moduleId: crm.module.id, fileName: "x.csv", format: "file", source: source(Buffer.from("Név\nA\n")) })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(undoImport(ctx(db, crm.actors.normal), importId)).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("encodings and separators of real exports", () => {
  const text = "Név\tCég\tE-mail\nŐri Árvíztűrő\tTükörfúró Kft.\tori@x.hu\n";
  it.each([
    ["UTF-16LE with BOM, tabs (Excel's Unicode text)", iconv.encode(text, "utf-16le", { addBOM: true }), "UTF-16LE", "\t"],
    ["UTF-16BE with BOM", iconv.encode(text, "utf-16be", { addBOM: true }), "UTF-16BE", "\t"],
    ["UTF-8 with BOM, commas", Buffer.from("\ufeff" + text.replace(/\t/g, ","), "utf8"), "UTF-8", ","],
    ["UTF-8 without BOM, semicolons", Buffer.from(text.replace(/\t/g, ";"), "utf8"), "UTF-8", ";"],
    ["ISO-8859-2, semicolons", iconv.encode(text.replace(/\t/g, ";"), "iso-8859-2"), "windows-1250", ";"],
  ])("%s", async (_, bytes, encoding, separator) => {
    const id = await upload(bytes);
    const draft = await getImport(admin(), id);
    expect(draft.detected.encoding).toBe(encoding);
    expect(draft.detected.separator).toBe(separator);
    expect(draft.columns[0].header).toBe("Név");
    expect(draft.preview[0]).toEqual(["Őri Árvíztűrő", "Tükörfúró Kft.", "ori@x.hu"]);
  });

  it("encoding and separator can be changed: the preview and the row count follow", async () => {
    const id = await upload(iconv.encode("Név;Cég\nŐri;Ősz Kft.\nB;C\n", "windows-1250"));
    const asIso = await updateImportSettings(admin(), { importId: id, settings: { encoding: "ISO-8859-2" } });
    expect(asIso.preview[0]).toEqual(["Őri", "Ősz Kft."]);
    const asComma = await updateImportSettings(admin(), { importId: id, settings: { separator: "," } });
    expect(asComma.columns).toHaveLength(1);
    expect(asComma.settings.mapping).toEqual({});
    await expect(updateImportSettings(admin(), { importId: id, settings: { encoding: "EBCDIC" as never } })).rejects.toThrow("import_bad_encoding");
  });

  it("a paste from a spreadsheet is tab-separated text", async () => {
    const id = await upload(Buffer.from("Név\tE-mail\nPaste Péter\tpeter@x.hu\n"), { format: "paste", fileName: "" });
    const draft = await getImport(admin(), id);
    expect(draft.format).toBe("paste");
    expect(draft.preview).toEqual([["Paste Péter", "peter@x.hu"]]);
  });

  it("a row saved in another encoding than the file is a bad row", async () => {
    const bytes = Buffer.concat([iconv.encode("Név;Cég\nŐri;Ősz Kft.\n", "windows-1250"), Buffer.from("Árvíztűrő;Tükör Kft.\n", "utf8")]);
    const id = await upload(bytes);
    const plan = await dryRunImport(admin(), id);
    expect(plan.badRows).toEqual([{ rowNumber: 3, reason: { code: "mixed_encoding", column: "Név" } }]);
  });
});

describe("files that cannot be imported are refused whole, nothing kept", () => {
  it.each([
    ["a 0-byte file", Buffer.alloc(0), "file_empty"],
    ["a zip renamed to .csv", Buffer.from("504b0304140000000800000000000000000000000000000000000800000068656c6c6f2e747874cb48cdc9c90700", "hex"), "import_not_spreadsheet"],
    ["a PNG", Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"), "import_not_spreadsheet"],
    ["5,000 columns", Buffer.from(Array.from({ length: 5000 }, (_, i) => `c${i}`).join(";") + "\n1;2\n"), "import_too_many_columns"],
    ["a 2 MB single line", Buffer.from("Név;Cég\n" + "x".repeat(2 * 1024 * 1024) + "\n"), "import_line_too_long"],
  ])("%s", async (_, bytes, code) => {
    const blobsBefore = await count(db.select({ n: sql<number>`count(*)::int` }).from(blobs));
    const importsBefore = await count(db.select({ n: sql<number>`count(*)::int` }).from(imports));
    await expect(upload(bytes)).rejects.toMatchObject({ code });
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(blobs))).toBe(blobsBefore);
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(imports))).toBe(importsBefore);
  });
});

describe("XLSX", () => {
  it("reads values, not formulas; merged cells fill their range; dates are Excel serials", async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["Név", "Cég", "Budget", "Határidő"],
      ["Excel kártya", "Merged Kft.", 10, 46272],
      ["Második", "", 0, "2026.09.08."],
    ]);
    ws["C3"] = { t: "n", f: "C2*2", v: 20 };
    ws["!merges"] = [{ s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Ügyfelek");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Other"]]), "Other");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
    await db.execute(sql`insert into fields (module_id, name, type) values (${crm.module.id}::uuid, 'Határidő', 'date')`);
    const id = await upload(bytes, { fileName: "ügyfelek.xlsx" });
    const draft = await getImport(admin(), id);
    expect(draft.format).toBe("xlsx");
    expect(draft.detected.sheets).toEqual(["Ügyfelek", "Other"]);
    expect(draft.preview).toEqual([["Excel kártya", "Merged Kft.", "10", "46272"], ["Második", "Merged Kft.", "20", "2026.09.08."]]);
    const done = await run(id);
    expect(done.totals).toMatchObject({ created: 2, bad: 0 });
    const [second] = await db.select().from(cards).where(eq(cards.name, "Második"));
    expect(second.values[crm.fields.budget.id]).toEqual({ amount: 20, currency: "HUF" });
    const dateField = Object.keys(second.values).find((k) => typeof second.values[k] === "string" && String(second.values[k]).startsWith("2026"));
    expect(second.values[dateField!]).toBe("2026-09-08");
    const [first] = await db.select().from(cards).where(eq(cards.name, "Excel kártya"));
    expect(first.values[dateField!]).toBe("2026-09-07");
    // Both rows name the merged company: one company, two cards.
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.name, "Merged Kft."), isNull(contacts.deletedAt))))).toBe(1);
  });
});

describe("duplicates, dry run = run, undo", () => {
  const csv = (rows: string[][]) => Buffer.from(["Név;Cég;Cég e-mail;Adószám;Státusz;Budget", ...rows.map((r) => r.join(";"))].join("\n") + "\n");
  let existingCompanyId: string;
  let existingCardId: string;

  beforeAll(async () => {
    const [company] = await db.insert(contacts).values({ kind: "company", name: "Meglévő Zrt.", emails: ["info@meglevo.hu"], taxNumber: "99999999-1-11" }).returning();
    existingCompanyId = company.id;
    const [card] = await db.insert(cards).values({ moduleId: crm.module.id, statusId: crm.statuses.lead.id, name: "Meglévő ügylet", values: { [crm.fields.budget.id]: { amount: 5, currency: "HUF" } } }).returning();
    existingCardId = card.id;
    await db.insert(cardContacts).values({ cardId: card.id, contactId: company.id });
  });

  const rows = [
    ["Frissítés", "Meglévő Zrt. (új név)", "info@meglevo.hu", "", "Won", "700"],
    ["Adószám szerint", "Valami", "", "99999999-1-11", "", ""],
    ["Új cég", "Friss Kft.", "friss@x.hu", "", "", ""],
    ["Új cég másik ügylete", "Friss Kft.", "friss@x.hu", "", "", ""],
  ];

  it("skip: rows matching an existing contact are skipped with the reason; in-file repeats link to the first row's company", async () => {
    const id = await upload(csv(rows));
    const plan = await dryRunImport(admin(), id);
    expect(plan.totals).toEqual({ rows: 4, created: 2, updated: 0, skipped: 2, bad: 0 });
    const done = await run(id);
    expect(done.totals).toEqual(plan.totals);
    const skipped = await listImportRows(admin(), { importId: id, outcome: "skipped" });
    expect(skipped.rows.map((r) => [r.rowNumber, r.reason])).toEqual([
      [2, { code: "duplicate", kind: "company", matchedBy: "email", match: "Meglévő Zrt." }],
      [3, { code: "duplicate", kind: "company", matchedBy: "tax_number", match: "Meglévő Zrt." }],
    ]);
    const friss = await db.select().from(contacts).where(eq(contacts.name, "Friss Kft."));
    expect(friss).toHaveLength(1);
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(cardContacts).where(eq(cardContacts.contactId, friss[0].id)))).toBe(2);
    await undoImport(admin(), id);
  });

  it("create: a new contact even where one matches", async () => {
    const id = await upload(csv(rows.slice(0, 1)));
    await updateImportSettings(admin(), { importId: id, settings: { duplicates: { match: ["email"], action: "create" } } });
    const done = await run(id);
    expect(done.totals).toMatchObject({ created: 1, skipped: 0 });
    expect(await count(db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(sql`'info@meglevo.hu' = any(${contacts.emails})`, isNull(contacts.deletedAt))))).toBe(2);
    const undone = await undoImport(admin(), id);
    expect(undone).toMatchObject({ trashedCards: 1, trashedContacts: 1, changedSince: [] });
  });

  it("update: the matched contact and its card get the row's values; dry run = run; undo restores them, and lists what changed since", async () => {
    const id = await upload(csv(rows));
    await updateImportSettings(admin(), { importId: id, settings: { duplicates: { match: ["email", "tax_number"], action: "update" } } });
    const plan = await dryRunImport(admin(), id);
    const done = await run(id);
    expect(plan.totals).toEqual({ rows: 4, created: 2, updated: 1, skipped: 1, bad: 0 });
    expect(done.totals).toEqual(plan.totals);
    const reportRows = await listImportRows(admin(), { importId: id });
    expect(reportRows.rows.map((r) => r.outcome)).toEqual(["updated", "skipped", "created", "created"]);
    expect(reportRows.rows[1].reason).toEqual({ code: "duplicate_in_file", firstRow: 2 });

    const [card] = await db.select().from(cards).where(eq(cards.id, existingCardId));
    expect(card).toMatchObject({ name: "Frissítés", statusId: crm.statuses.won.id, version: 2 });
    expect(card.values[crm.fields.budget.id]).toEqual({ amount: 700, currency: "HUF" });
    const changes = await db.select().from(history).where(eq(history.cardId, existingCardId));
    expect(changes.map((h) => h.kind).sort()).toEqual(["field_changed", "name_changed", "status_changed"]);

    // Someone edits one created card after the import: undo leaves it and lists it.
    const [kept] = await db.select().from(cards).where(eq(cards.name, "Új cég"));
    const ids = (await db.select({ id: cards.id }).from(cards).where(sql`${cards.id} in (select card_id from import_rows where import_id = ${id}::uuid and outcome = 'created')`)).map((r) => r.id);
    const keptRow = await db.select().from(cards).where(and(eq(cards.name, "Új cég"), inArray(cards.id, ids)));
    await updateCard(ctx(db, crm.actors.manager, now), { cardId: keptRow[0].id, version: 1, name: "Új cég (átírva)" });
    expect(kept).toBeDefined();

    const undone = await undoImport(admin(), id);
    expect(undone).toMatchObject({ trashedCards: 1, restoredCards: 1, trashedContacts: 0 });
    // The edited card stays, and so does its company (the other card of that company went to the trash).
    const [friss] = await db.select().from(contacts).where(and(eq(contacts.name, "Friss Kft."), isNull(contacts.deletedAt)));
    expect(undone.changedSince).toEqual([
      { rowNumber: 4, kind: "card", id: keptRow[0].id, name: "Új cég (átírva)" },
      { rowNumber: 4, kind: "contact", id: friss.id, name: "Friss Kft." },
    ]);
    const [restored] = await db.select().from(cards).where(eq(cards.id, existingCardId));
    expect(restored).toMatchObject({ name: "Meglévő ügylet", statusId: crm.statuses.lead.id, version: 3 });
    expect(restored.values[crm.fields.budget.id]).toEqual({ amount: 5, currency: "HUF" });
    const [undoneEntry] = await db.select().from(history).where(and(eq(history.cardId, existingCardId), eq(history.kind, "import_undone")));
    expect(undoneEntry.data).toMatchObject({ importId: id, version: 3 });
    const [company] = await db.select().from(contacts).where(eq(contacts.id, existingCompanyId));
    expect(company.emails).toEqual(["info@meglevo.hu"]);
    // The company stays: a card this import did not create (the edited one) still links it.
    const trashedCard = await db.select().from(cards).where(and(inArray(cards.id, ids), sql`${cards.deletedAt} is not null`));
    expect(trashedCard).toHaveLength(1);
    expect((await db.select().from(history).where(and(eq(history.cardId, trashedCard[0].id), eq(history.kind, "card_trashed"))))[0].data).toMatchObject({ importId: id });

    // Idempotent: again, the same answer and nothing more done.
    expect(await undoImport(admin(), id)).toEqual(undone);
    expect((await db.select().from(imports).where(eq(imports.id, id)))[0].state).toBe("undone");
    const marks = await db.select({ n: sql<number>`count(*)::int` }).from(importRows).where(and(eq(importRows.importId, id), sql`${importRows.after} ? 'undo'`));
    expect(marks[0].n).toBe(3);
  });

  it("a contacts import: companies and their people, updated by email", async () => {
    const bytes = Buffer.from("Cégnév;Cég e-mail;Kapcsolattartó;E-mail\nMeglévő Zrt.;info@meglevo.hu;Kiss Anna;anna@meglevo.hu\nKontakt Kft.;k@k.hu;;\n");
    const id = await upload(bytes, { target: "contacts" });
    const draft = await getImport(admin(), id);
    expect(draft.settings.mapping).toEqual({ "0": "company.name", "1": "company.email", "2": "person.name", "3": "person.email" });
    await updateImportSettings(admin(), { importId: id, settings: { duplicates: { match: ["email"], action: "update" } } });
    const plan = await dryRunImport(admin(), id);
    const done = await run(id);
    expect(done.totals).toEqual(plan.totals);
    expect(done.totals).toEqual({ rows: 2, created: 2, updated: 0, skipped: 0, bad: 0 });
    const [anna] = await db.select().from(contacts).where(eq(contacts.name, "Kiss Anna"));
    expect(anna.companyId).toBe(existingCompanyId);
  });
});
