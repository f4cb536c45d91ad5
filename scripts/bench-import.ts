/**
 * `npm run bench:import`: 100,000 rows (a card with a company and a person each) imported from CSV
 * into PostgreSQL, against `psql \copy` of the same rows into the same tables, measured in the same
 * run, on a database of its own (created on TEST_DATABASE_URL's server, else
 * postgres://postgres@127.0.0.1:5432/postgres, and dropped at the end). The import is the real one, in a
 * process of its own (scripts/import-file.ts): createImport (the file into a blob, detection, a full read)
 * → startImport → the job's batches (runImportBatches, as the "import.run" job runs them) until done; its
 * largest event-loop stall and peak RSS are that process's. Then the export's figures (scripts/bench-export.ts).
 * BENCH_IMPORT_ROWS changes the row count. Last line: one JSON object.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { measureExport } from "./bench-export";
import { createBenchDatabase } from "./bench-support";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { fields, modules, organisation, statuses, users } from "@/db/schema";

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const round = (n: number) => Math.round(n * 10) / 10;

const database = await createBenchDatabase(serverUrl, "crm_engine_bench");
const conn = await openDb(database.url);
const db = conn.db;
const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
try {
  await migrateDb(db);
  await db.insert(organisation).values({ id: 1, name: "Bench Kft.", timeZone: "Europe/Budapest", defaultLocale: "hu" });
  const [admin] = await db.insert(users).values({ email: "admin@bench.hu", role: "admin", firstName: "Admin", lastName: "Bench" }).returning();
  const [module] = await db.insert(modules).values({ name: "Értékesítés" }).returning();
  const [lead] = await db.insert(statuses).values([{ moduleId: module.id, name: "Új", group: "open", position: 0 }, { moduleId: module.id, name: "Nyert", group: "won", position: 1 }]).returning();
  const [budget] = await db.insert(fields).values({ moduleId: module.id, name: "Költségkeret", type: "money", options: { currency: "HUF" } }).returning();

  // The source rows (a file, as uploaded), and the same rows as the three tables' CSVs for \copy.
  const files = { source: path.join(dir, "source.csv"), contacts: path.join(dir, "contacts.csv"), cards: path.join(dir, "cards.csv"), links: path.join(dir, "links.csv") };
  const out = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, createWriteStream(f)])) as Record<keyof typeof files, WriteStream>;
  const write = async (stream: WriteStream, text: string) => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write(out.source, "Név;Cég;Cég e-mail;Adószám;Kapcsolattartó;E-mail;Telefon;Költségkeret\r\n");
  const at = new Date().toISOString();
  for (let i = 0; i < rows; i++) {
    const [name, company, companyEmail, tax, person, email, phone] = [`Ügylet ${i}`, `Cég ${i} Kft.`, `info${i}@ceg.hu`, `${String(10000000 + i)}-2-41`, `Személy ${i}`, `szemely${i}@ceg.hu`, `+36 1 ${String(1000000 + i)}`];
    await write(out.source, `${name};${company};${companyEmail};${tax};${person};${email};${phone};${i % 1000} 000,00\r\n`);
    const companyId = randomUUID();
    const personId = randomUUID();
    const cardId = randomUUID();
    await write(out.contacts, `${companyId},company,${company},"","",,{${companyEmail}},{},"",${tax},${admin.id},${at},${at}\n${personId},person,${person},"",${person},${companyId},{${email}},"{""${phone}""}","","",${admin.id},${at},${at}\n`);
    const search = `${name} ${company} ${companyEmail}  ${person} ${email} ${phone}`.toLowerCase();
    const values = JSON.stringify({ [budget.id]: { amount: (i % 1000) * 1000, currency: "HUF" } }).replace(/"/g, '""');
    await write(out.cards, `${cardId},${module.id},${lead.id},${admin.id},${name},"${values}",${search},${admin.id},${at},${at},${at},${at}\n`);
    await write(out.links, `${cardId},${companyId},0\n${cardId},${personId},1\n`);
  }
  await Promise.all(Object.values(out).map((stream) => new Promise((resolve) => stream.end(resolve))));

  // psql \copy of the same rows into the same tables (with their indexes and triggers), then emptied again.
  const copyStart = performance.now();
  execFileSync("psql", [
    database.url,
    "-v", "ON_ERROR_STOP=1", "-q",
    "-c", `\\copy contacts (id, kind, name, first_name, last_name, company_id, emails, phones, address, tax_number, created_by_id, created_at, updated_at) from '${files.contacts}' with (format csv)`,
    "-c", `\\copy cards (id, module_id, status_id, owner_id, name, values, search_text, created_by_id, created_at, updated_at, status_entered_at, last_activity_at) from '${files.cards}' with (format csv)`,
    "-c", `\\copy card_contacts (card_id, contact_id, position) from '${files.links}' with (format csv)`,
  ]);
  const copySeconds = (performance.now() - copyStart) / 1000;
  const [copied] = (await db.execute(sql`select (select count(*)::int from cards) as cards, (select count(*)::int from contacts) as contacts`)) as unknown as { cards: number; contacts: number }[];
  if (copied.cards !== rows || copied.contacts !== 2 * rows) throw new Error(`copy wrote ${JSON.stringify(copied)}`);
  await db.execute(sql`truncate card_contacts, history, card_count_deltas, cards, contacts cascade`);
  await db.execute(sql`vacuum analyze cards`);
  await db.execute(sql`vacuum analyze contacts`);
  await db.execute(sql`vacuum analyze card_contacts`);

  // The import, as the app runs it, in a process of its own (scripts/import-file.ts): its stall and memory are the import's alone.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "import-file.ts"), module.id, admin.id, files.source], {
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "close");
  if (code !== 0) throw new Error(`the import exited with ${code}`);
  const run = JSON.parse(output.trim().split("\n").pop()!) as { seconds: number; created: number; max_loop_stall_ms: number; peak_rss_mb: number };
  if (run.created !== rows) throw new Error(`the import created ${run.created} of ${rows}`);
  const [imported] = (await db.execute(sql`select (select count(*)::int from cards) as cards, (select count(*)::int from contacts) as contacts, (select count(*)::int from card_contacts) as links`)) as unknown as { cards: number; contacts: number; links: number }[];
  if (imported.cards !== rows || imported.contacts !== 2 * rows || imported.links !== 2 * rows) throw new Error(`import wrote ${JSON.stringify(imported)}`);

  const importRowsPerS = rows / run.seconds;
  const copyRowsPerS = rows / copySeconds;
  console.log(`copy: ${round(copySeconds)} s; import: ${round(run.seconds)} s, ${rows} rows`);
  const result: Record<string, number> = {
    rows,
    import_rows_per_s: Math.round(importRowsPerS),
    copy_rows_per_s: Math.round(copyRowsPerS),
    ratio: Math.round((importRowsPerS / copyRowsPerS) * 100) / 100,
    max_loop_stall_ms: round(run.max_loop_stall_ms),
    import_peak_rss_mb: run.peak_rss_mb,
  };
  await conn.close();
  await database.drop();

  // The export's half: 1,000,000 cards streamed out in a child process (scripts/bench-export.ts).
  const exported = await measureExport(serverUrl, Number(process.env.BENCH_EXPORT_CARDS ?? 1_000_000));
  Object.assign(result, { export_rows: exported.export_rows, export_peak_rss_mb: exported.export_peak_rss_mb });
  console.log(JSON.stringify(result));
} catch (error) {
  await conn.close().catch(() => {});
  await database.drop().catch(() => {});
  throw error;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
