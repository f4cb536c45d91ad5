/**
 * Import from the shell — the same import as the wizard's (createImport → mapping guessed or given →
 * dry run, or the run's batches in this process), against DATABASE_URL, or the embedded database in
 * DATA_DIR while no server has it open:
 *
 *   npm run import -- --module "<name>" [--dry-run] [--json] [--mapping map.json] [--contacts]
 *                     [--as admin@example.com] [--locale hu|en] [--duplicates skip|update|create] FILE
 *
 * --mapping: a JSON object of column (its header, or its 0-based index) → target ("name", "status",
 * "owner", "company.name", "company.email", "company.phone", "company.tax_number", "company.address",
 * "person.name", "person.first_name", "person.last_name", "person.email", "person.phone",
 * "field:<field name or id>"; "" = not imported). --json prints one object: created, updated, skipped,
 * bad_rows [{ row, reason, code }], encoding, separator. Exit code 0 when it ran (bad rows included),
 * 2 when it could not run.
 */
import { createReadStream, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { dataDir, openDb } from "@/db/client";
import { fields, modules, users, type ImportSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { createImport } from "@/lib/import/create-import";
import { dryRunImport } from "@/lib/import/dry-run-import";
import { getImport } from "@/lib/import/get-import";
import { reasonText } from "@/lib/import/import-report-csv";
import { importJobKey } from "@/lib/import/jobs";
import { listImportRows } from "@/lib/import/list-import-rows";
import { runImportBatches } from "@/lib/import/run-import";
import { startImport } from "@/lib/import/start-import";
import { updateImportSettings } from "@/lib/import/update-import-settings";
import type { ImportReason } from "@/lib/import/types";
import enErrors from "@/messages/en/errors.json";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    module: { type: "string" },
    contacts: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    mapping: { type: "string" },
    as: { type: "string" },
    locale: { type: "string" },
    duplicates: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(2);
}

/** Another process (the server) with the embedded database's files open: PGlite has one writer only. */
function embeddedDatabaseInUse(dir: string): number | null {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid && Number(p) !== process.ppid)) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith(dir + path.sep)) return Number(pid);
      }
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((a) => a.endsWith("server.ts"))) {
        const env = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        if (env.some((e) => e.startsWith("DATABASE_URL=") && e.length > 13)) continue;
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        const own = env.find((e) => e.startsWith("DATA_DIR="))?.slice(9) ?? ".data";
        if (path.join(path.resolve(cwd, own), "pglite") === dir) return Number(pid);
      }
    } catch {
      // Another user's process, or one that just ended.
    }
  }
  return null;
}

const file = positionals[0];
if (!file) fail('no file given: npm run import -- --module "<name>" FILE');
if (!args.contacts && !args.module) fail('say which module: --module "<name>" (or --contacts)');

if (!process.env.DATABASE_URL) {
  const dir = path.join(dataDir(), "pglite");
  const pid = embeddedDatabaseInUse(dir);
  if (pid) fail(`the embedded database in ${dir} is in use by a running server (process ${pid}); stop it first, or set DATABASE_URL`);
}

const conn = await openDb(process.env.DATABASE_URL);
const db = conn.db;
const errorText = (error: unknown) => {
  if (error instanceof DomainError) {
    const detail = Object.entries(error.fields).map(([k, v]) => `${k}: ${(enErrors as Record<string, string>)[v] ?? v}`);
    return [(enErrors as Record<string, string>)[error.code] ?? error.code, ...detail].join("; ");
  }
  return error instanceof Error ? error.message : String(error);
};

try {
  const [user] = await db
    .select()
    .from(users)
    .where(args.as ? and(sql`lower(${users.email}) = ${args.as.toLowerCase()}`, isNull(users.deactivatedAt)) : and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!user) fail(args.as ? `no active user ${args.as}` : "no active admin to import as (run the setup first, or give --as)");
  const actor: Actor = { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role, locale: user.locale ?? "en", groupIds: [] };
  const ctx = () => ({ actor, db, now: new Date() });

  let moduleId: string | null = null;
  if (!args.contacts) {
    const live = await db.select().from(modules).where(isNull(modules.archivedAt));
    const found = live.find((m) => m.name.toLowerCase() === args.module!.toLowerCase());
    if (!found) fail(`no module "${args.module}"; the modules are: ${live.map((m) => `"${m.name}"`).join(", ") || "none"}`);
    moduleId = found.id;
  }

  const { importId } = await createImport(ctx(), {
    target: args.contacts ? "contacts" : "cards",
    moduleId,
    fileName: path.basename(file),
    format: "file",
    source: createReadStream(file),
  });
  let draft = await getImport(ctx(), importId);

  const patch: Partial<ImportSettings> = {};
  if (args.mapping) {
    const given = JSON.parse(readFileSync(args.mapping, "utf8")) as Record<string, string>;
    const moduleFields = moduleId ? await db.select().from(fields).where(eq(fields.moduleId, moduleId)) : [];
    const mapping: Record<string, string> = {};
    for (const [column, target] of Object.entries(given)) {
      const index = /^\d+$/.test(column) ? Number(column) : draft.columns.findIndex((c) => c.header.toLowerCase() === column.toLowerCase());
      if (index < 0 || index >= draft.columns.length) fail(`--mapping: the file has no column "${column}"`);
      let key = target;
      if (target.startsWith("field:") && !/^field:[0-9a-f-]{36}$/.test(target)) {
        const field = moduleFields.find((f) => f.name.toLowerCase() === target.slice(6).toLowerCase());
        if (!field) fail(`--mapping: the module has no field "${target.slice(6)}"`);
        key = `field:${field.id}`;
      }
      if (key) mapping[String(index)] = key;
    }
    patch.mapping = mapping;
  }
  if (args.locale) patch.locale = args.locale as "hu" | "en";
  if (args.duplicates) patch.duplicates = { ...draft.settings.duplicates, action: args.duplicates as "skip" | "update" | "create" };
  if (Object.keys(patch).length) draft = await updateImportSettings(ctx(), { importId, settings: patch });

  const locale = actor.locale ?? "en";
  const badRow = (row: number, reason: ImportReason) => ({ row, reason: reasonText(reason, locale), code: reason.code });
  let report: { created: number; updated: number; skipped: number; bad_rows: ReturnType<typeof badRow>[] };
  if (args["dry-run"]) {
    const plan = await dryRunImport(ctx(), importId);
    report = { created: plan.totals.created, updated: plan.totals.updated, skipped: plan.totals.skipped, bad_rows: plan.badRows.map((b) => badRow(b.rowNumber, b.reason)) };
  } else {
    await startImport(ctx(), importId);
    while ((await runImportBatches(db, importId, { now: () => new Date() })) === "more");
    // This process ran it: the queued job has nothing left to do.
    await db.execute(sql`update jobs set state = 'done', finished_at = now(), updated_at = now() where key = ${importJobKey(importId, 0)} and state = 'pending'`);
    const done = await getImport(ctx(), importId);
    const bad: ReturnType<typeof badRow>[] = [];
    for (let after: number | undefined; ; ) {
      const page = await listImportRows(ctx(), { importId, outcome: "bad", afterRow: after, limit: 1000 });
      bad.push(...page.rows.map((r) => badRow(r.rowNumber, r.reason ?? { code: "invalid_value" })));
      if (page.nextAfterRow === null) break;
      after = page.nextAfterRow;
    }
    report = { created: done.totals.created, updated: done.totals.updated, skipped: done.totals.skipped, bad_rows: bad };
  }
  const encoding = draft.format === "xlsx" ? "xlsx" : draft.settings.encoding;
  const separator = draft.format === "xlsx" ? "" : draft.settings.separator;
  if (args.json) {
    console.log(JSON.stringify({ ...report, encoding, separator }));
  } else {
    console.log(`${args["dry-run"] ? "Dry run (nothing written)" : "Imported"}: ${file} (${encoding}, separator ${JSON.stringify(separator)}), ${draft.totalRows} rows`);
    console.log(`  created ${report.created}, updated ${report.updated}, skipped ${report.skipped}, bad rows ${report.bad_rows.length}`);
    for (const b of report.bad_rows.slice(0, 200)) console.log(`  row ${b.row}: ${b.reason}`);
    if (report.bad_rows.length > 200) console.log(`  … and ${report.bad_rows.length - 200} more (--json lists them all)`);
  }
} catch (error) {
  await conn.close();
  fail(errorText(error));
}
await conn.close();
