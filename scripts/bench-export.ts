// `npm run bench:export`: the full export of 1,000,000 cards (with a company each) from PostgreSQL streams in
// constant memory. Seeds its own database set-based, runs the export in a child process (scripts/export-to-null.ts)
// and reports that process's peak RSS. Also used by bench:import (measureExport). Last line: one JSON object.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { createBenchDatabase } from "./bench-support";

/** Seeds `cards` cards (one module, a company linked to each, a money field) into an empty migrated database, set-based. */
async function seedCards(url: string, cards: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`insert into modules (name) values ('Export bench')`;
  const [{ id: moduleId }] = await sql`select id from modules limit 1`;
  await sql`insert into statuses (module_id, name, "group", position) values (${moduleId}, 'Új', 'open', 0)`;
  const [{ id: statusId }] = await sql`select id from statuses limit 1`;
  const [{ id: fieldId }] = await sql`insert into fields (module_id, name, type, options) values (${moduleId}, 'Érték', 'money', '{"currency":"HUF"}') returning id`;
  for (let from = 0; from < cards; from += 100_000) {
    const to = Math.min(cards, from + 100_000);
    await sql`
      with made as (
        insert into cards (module_id, status_id, name, values)
        select ${moduleId}, ${statusId}, 'Árajánlat ' || i, jsonb_build_object(${fieldId}::text, jsonb_build_object('amount', i * 1000, 'currency', 'HUF'))
        from generate_series(${from + 1}::int, ${to}::int) i
        returning id, name
      ), companies as (
        insert into contacts (kind, name, emails)
        select 'company', 'Cég ' || name, array['iroda' || substr(id::text, 1, 8) || '@example.hu'] from made
        returning id, name
      )
      insert into card_contacts (card_id, contact_id)
      select made.id, companies.id from made join companies on companies.name = 'Cég ' || made.name`;
  }
  await sql`analyze`;
  await sql.end();
}

function runExport(url: string): Promise<{ rows: number; bytes: number; seconds: number; peak_rss_mb: number }> {
  const script = fileURLToPath(new URL("./export-to-null.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`export exited with ${code}`)))),
  );
}

/** Seeds `cards` cards into a fresh database on `serverUrl`'s server, exports them, drops the database. */
export async function measureExport(serverUrl: string, cards: number): Promise<{ export_rows: number; export_peak_rss_mb: number; export_seconds: number }> {
  const database = await createBenchDatabase(serverUrl, "crm_bench_export");
  try {
    const conn = await openDb(database.url);
    await migrateDb(conn.db);
    await conn.close();
    await seedCards(database.url, cards);
    const result = await runExport(database.url);
    return { export_rows: result.rows, export_peak_rss_mb: result.peak_rss_mb, export_seconds: Math.round(result.seconds * 10) / 10 };
  } finally {
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const cards = Number(process.env.BENCH_EXPORT_CARDS ?? 1_000_000);
  const result = await measureExport(serverUrl, cards);
  console.log(`exported ${result.export_rows} rows in ${result.export_seconds} s, peak RSS ${result.export_peak_rss_mb} MB`);
  console.log(JSON.stringify(result));
}
