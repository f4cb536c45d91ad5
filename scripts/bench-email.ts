/**
 * `npm run bench:email`: 10,000 emails through the job runner to a Resend stub, on PostgreSQL.
 *
 * - Creates its own database crm_benchmail_<timestamp> on BENCH_DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/postgres), migrates it, and drops it at the end (also on error).
 * - The Resend stub (test/resend-stub.ts: dedupes by Idempotency-Key like Resend) runs in a child
 *   process, so its work is not counted against this process's event loop.
 * - This process plays the server: it queues the emails (queueEmails, in batches of 500 — the bulk
 *   run's prepare step does the same), then its embedded JobRunner (the one server.ts starts; 8 jobs in
 *   flight) delivers them through the real Resend client. monitorEventLoopDelay measures the largest
 *   event-loop stall while sending.
 * - Last line: one JSON object {"recipients","emails_per_s","max_loop_stall_ms","duplicates","missing"}.
 *   Options: -- --emails N (default 10000), --concurrency N (default 8).
 */
import { spawn } from "node:child_process";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { emails } from "@/db/schema";
import { systemClock } from "@/lib/clock";
import { queueEmails, type NewEmail } from "@/lib/email/queue-email";
import { jobHandlers } from "@/lib/jobs/handlers";
import { JobRunner } from "@/lib/jobs/job-runner";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg("emails", 10_000);
const concurrency = arg("concurrency", 8);

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `crm_benchmail_${Date.now()}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;

const stub = spawn(
  process.execPath,
  ["--import", "tsx", "--input-type=module", "-e", `const { startResendStub } = await import(${JSON.stringify(new URL("../test/resend-stub.ts", import.meta.url).href)}); const s = await startResendStub(); console.log(s.url);`],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const stubUrl = await new Promise<string>((resolve, reject) => {
  stub.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
  stub.once("exit", (code) => reject(new Error(`stub exited ${code}`)));
});

const conn = await openDb(url.toString());
let runner: JobRunner | null = null;
try {
  await migrateDb(conn.db);
  process.env.RESEND_API_KEY = "re_bench";
  process.env.RESEND_BASE_URL = stubUrl;
  delete process.env.SMTP_URL;

  const now = systemClock.now();
  const queueStart = performance.now();
  for (let i = 0; i < total; i += 500) {
    const batch: NewEmail[] = Array.from({ length: Math.min(500, total - i) }, (_, j) => {
      const n = i + j;
      return { kind: "system", fromName: "Bench", toAddress: `r${n}@bench.example`, toName: `Recipient ${n}`, subject: `Offer #${n}`, html: `<p>Hello <b>${n}</b></p>`, text: `Hello ${n}`, headers: {} };
    });
    await conn.db.transaction((tx) => queueEmails(tx, batch, now));
  }
  console.error(`queued ${total} emails in ${Math.round(performance.now() - queueStart)} ms`);

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = performance.now();
  runner = new JobRunner({ db: conn.db, clock: systemClock, handlers: jobHandlers, concurrency });
  runner.start();
  const sentCount = async () => (await conn.db.select({ n: sql<number>`count(*)::int` }).from(emails).where(sql`${emails.state} = 'sent'`))[0].n;
  let sent = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    sent = await sentCount();
    if (sent >= total || performance.now() - start > 15 * 60_000) break;
  }
  const seconds = (performance.now() - start) / 1000;
  loop.disable();
  await runner.stop();
  runner = null;
  const stats = (await (await fetch(`${stubUrl}/_stats`)).json()) as { requests: number; delivered: number; distinct: number; duplicates: number };
  console.error(`stub: ${stats.requests} requests, ${stats.distinct} distinct deliveries; p99 loop delay ${(loop.percentile(99) / 1e6).toFixed(1)} ms`);
  console.log(
    JSON.stringify({
      recipients: total,
      emails_per_s: Math.round(sent / seconds),
      max_loop_stall_ms: Math.round((loop.max / 1e6) * 10) / 10,
      duplicates: stats.duplicates + (stats.delivered - stats.distinct),
      missing: total - stats.distinct,
    }),
  );
} finally {
  await runner?.stop();
  await conn.close();
  stub.kill("SIGTERM");
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
