// One import of a CSV file into DATABASE_URL's module, in this process alone, so a benchmark can read what
// the import costs the process that runs it (as the server's job runner would): createImport from the file →
// startImport → the job's batches until done. Usage: import-file.ts <module id> <admin id> FILE.
// Prints one JSON line { seconds, created, max_loop_stall_ms, peak_rss_mb }.
import { createReadStream } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { openDb } from "@/db/client";
import { imports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createImport } from "@/lib/import/create-import";
import { runImportBatches } from "@/lib/import/run-import";
import { startImport } from "@/lib/import/start-import";

const [moduleId, adminId, file] = process.argv.slice(2);
const conn = await openDb(process.env.DATABASE_URL);
const db = conn.db;
const [admin] = await db.select().from(users).where(eq(users.id, adminId));
const actor: Actor = { id: admin.id, email: admin.email, firstName: admin.firstName, lastName: admin.lastName, role: admin.role, locale: "hu", groupIds: [] };
const ctx = () => ({ actor, db, now: new Date() });

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const started = performance.now();
const { importId } = await createImport(ctx(), { target: "cards", moduleId, fileName: "bench.csv", format: "file", source: createReadStream(file, { highWaterMark: 64 * 1024 }) });
await startImport(ctx(), importId);
while ((await runImportBatches(db, importId, { now: () => new Date() })) === "more");
const seconds = (performance.now() - started) / 1000;
loop.disable();
const [record] = await db.select().from(imports).where(eq(imports.id, importId));
await conn.close();
if (record.state !== "done") throw new Error(`import ended ${record.state}`);
console.log(JSON.stringify({ seconds, created: record.totals.created, max_loop_stall_ms: loop.max / 1e6, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
