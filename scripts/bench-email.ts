/**
 * `npm run bench:email`: a bulk email run of 10,000 recipients through the Resend stub, on PostgreSQL.
 *
 * - Creates its own database crm_benchmail_<timestamp> on BENCH_DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/postgres), migrates it, and drops it at the end (also on error).
 * - The Resend stub (test/resend-stub.ts: dedupes by Idempotency-Key like Resend) runs in a child
 *   process, so its work is not counted against this process's event loop.
 * - Seeds in bulk (multi-row inserts of 1,000): an organisation, a manager, a module with statuses and a
 *   URL field, N cards in an open status (plus 1 % won ones the view must leave out), each linked to a
 *   person with a unique address; then, through the real verbs, an email template with variables and a
 *   shared view "status any of New lead".
 * - Secondary (stderr, before the result): N emails queued directly with queueEmails and delivered by a
 *   JobRunner — the delivery path alone (skip with --direct 0).
 * - The measurement: this process plays the server. Its embedded JobRunner (the one server.ts starts,
 *   with lib/jobs/handlers.ts; 8 jobs in flight) is running when `startBulkRun` is called with the view,
 *   the template and rule main_person; the runner then prepares the batches (render with React Email)
 *   and delivers every email through the real Resend client (RESEND_API_KEY, RESEND_BASE_URL = stub).
 *   The window runs from the call to the run's state "done" (bulk_runs, polled every 100 ms);
 *   monitorEventLoopDelay measures the largest event-loop stall over it. The npm script runs with
 *   NODE_ENV=production, as `npm start` runs the server (React's development build renders far slower).
 *   stderr lists the stalls over 50 ms with the process's CPU time during each: a stall with little CPU
 *   was the process waiting for a core on a busy machine, not its own synchronous work.
 * - duplicates: requests for an already delivered Idempotency-Key that the stub accepted as new deliveries
 *   (its /_stats semantic); missing: the run's sendable recipients whose email has no delivery at the stub.
 *   stderr also names addresses of the run that got more than one email (different keys).
 * - Last line: one JSON object {"recipients","emails_per_s","max_loop_stall_ms","duplicates","missing"}.
 *   Options: -- --emails N (default 10000), --concurrency N (default 8), --direct N (default = --emails; 0 skips).
 */
import { randomUUID } from "node:crypto";
import { monitorEventLoopDelay, performance, type IntervalHistogram } from "node:perf_hooks";
import { and, eq, ne, sql } from "drizzle-orm";
import { createBenchDatabase, startResendStubProcess } from "./bench-support";
import { openDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { bulkRecipients, bulkRuns, cardContacts, cards, contacts, emails, fields, modules, organisation, statuses, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { startBulkRun } from "@/lib/bulk-email/start-bulk-run";
import { systemClock } from "@/lib/clock";
import { queueEmails, type NewEmail } from "@/lib/email/queue-email";
import { jobHandlers } from "@/lib/jobs/handlers";
import { JobRunner } from "@/lib/jobs/job-runner";
import { announcingJobs } from "@/lib/jobs/wake";
import { createEmailTemplate } from "@/lib/templates/email-templates";
import { createView } from "@/lib/views/create-view";
import { emptyViewDefinition } from "@/lib/views/definition";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg("emails", 10_000);
const concurrency = arg("concurrency", 8);
const direct = arg("direct", total);
const timeoutMs = 15 * 60_000;

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = await createBenchDatabase(serverUrl, "crm_benchmail");
const stub = await startResendStubProcess();
const stubUrl = stub.url;

type StubStats = { requests: number; delivered: number; distinct: number; duplicates: number };
const stubStats = async () => (await (await fetch(`${stubUrl}/_stats`)).json()) as StubStats;
const stubDeliveries = async () => (await (await fetch(`${stubUrl}/_deliveries`)).json()) as { key: string; n: number; to: string }[];
const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
const loopLine = (loop: IntervalHistogram) => `max ${ms(loop.max)} ms, p99 ${ms(loop.percentile(99))} ms, mean ${ms(loop.mean)} ms`;

/**
 * Next to monitorEventLoopDelay, for the diagnosis: every stall over 50 ms (a 5 ms timer that fired late),
 * when it happened and how much CPU the process used meanwhile — near the stall's length means our own
 * synchronous work; far below it means the process waited for a core (the machine is shared).
 */
function trackStalls(start: number) {
  const stalls: { atS: number; ms: number; cpuMs: number }[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const late = now - last - 5;
    if (late > 50) stalls.push({ atS: (now - start) / 1000, ms: late, cpuMs: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 });
    last = now;
    lastCpu = cpu;
    timer = setTimeout(tick, 5);
  };
  timer = setTimeout(tick, 5);
  return {
    stop: () => clearTimeout(timer),
    summary: () => {
      const worst = [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 5);
      const busy = [...stalls].sort((a, b) => Math.min(b.ms, b.cpuMs) - Math.min(a.ms, a.cpuMs)).slice(0, 5);
      const list = (l: typeof stalls) => l.map((s) => `+${s.atS.toFixed(1)} s ${Math.round(s.ms)} ms (CPU ${Math.round(s.cpuMs)} ms)`).join(", ");
      return `${stalls.length} stalls over 50 ms, ${stalls.filter((s) => Math.min(s.ms, s.cpuMs) > 50).length} of them with over 50 ms of process CPU${worst.length ? `; longest: ${list(worst)}; busiest: ${list(busy)}` : ""}`;
    },
  };
}

const chunk = 1000;
async function insertChunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

/** The organisation, a manager, a module (statuses, a URL field), N open cards (+1 % won) each with a person; then the template and the shared view through their verbs. */
async function seed(db: Db, now: Date) {
  await db.insert(organisation).values({ id: 1, name: "Bench Kft.", timeZone: "Europe/Budapest", defaultLocale: "en" });
  const [u] = await db.insert(users).values({ email: "manager@bench.example", role: "manager", firstName: "Mara", lastName: "Manager", emailSignature: "Mara Manager\nBench Kft. · Sales" }).returning();
  const manager: Actor = { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: "manager", locale: null, groupIds: [] };
  const [module] = await db.insert(modules).values({ name: "Sales" }).returning();
  const [lead, , won] = await db
    .insert(statuses)
    .values([
      { moduleId: module.id, name: "New lead", group: "open", position: 0 },
      { moduleId: module.id, name: "Offer sent", group: "open", position: 1 },
      { moduleId: module.id, name: "Won", group: "won", position: 2 },
    ])
    .returning();
  const [website] = await db.insert(fields).values({ moduleId: module.id, name: "Website", type: "url" }).returning();

  const outside = Math.ceil(total / 100);
  const people = Array.from({ length: total + outside }, (_, n) => ({ id: randomUUID(), kind: "person" as const, name: `Person${n} First${n}`, firstName: `First${n}`, lastName: `Person${n}`, emails: [`p${n}@bench.example`] }));
  const cardRows = people.map((p, n) => ({
    id: randomUUID(),
    moduleId: module.id,
    statusId: n < total ? lead.id : won.id,
    ownerId: manager.id,
    name: `Deal ${n}`,
    values: { [website.id]: `https://deal${n}.bench.example` },
    createdAt: new Date(now.getTime() - (total + outside - n) * 1000),
  }));
  await insertChunked(people, (part) => db.insert(contacts).values(part));
  await insertChunked(cardRows, (part) => db.insert(cards).values(part));
  await insertChunked(
    cardRows.map((c, n) => ({ cardId: c.id, contactId: people[n].id, position: 0 })),
    (part) => db.insert(cardContacts).values(part),
  );

  const ctx = { actor: manager, db, now };
  const { templateId } = await createEmailTemplate(ctx, {
    moduleId: module.id,
    name: "Spring offer",
    subject: "Offer for {{card.name}}",
    bodyHtml: `<p>Dear {{person.firstName}},</p><p>our offer for <strong>{{card.name}}</strong> ({{card.field.${website.id}}}) is ready until {{date.today+14}}.</p><p>Reply to {{sender.email}} with any question.</p>`,
  });
  const { viewId } = await createView(ctx, {
    moduleId: module.id,
    name: "New leads",
    shared: true,
    definition: { ...emptyViewDefinition(), filter: { on: "group", join: "and", conditions: [{ on: "status", op: "any_of", statusIds: [lead.id] }] } },
  });
  return { manager, moduleId: module.id, templateId, viewId };
}

const conn = await openDb(database.url);
let runner: JobRunner | null = null;
try {
  await migrateDb(conn.db);
  process.env.RESEND_API_KEY = "re_bench";
  process.env.RESEND_BASE_URL = stubUrl;
  process.env.AUTH_SECRET ??= "bench-email-secret";
  process.env.APP_URL ??= "https://crm.bench.example";
  delete process.env.SMTP_URL;
  delete process.env.INNGEST_EVENT_KEY;

  const seedStart = performance.now();
  const world = await seed(conn.db, systemClock.now());
  console.error(`seeded ${total} cards with a person each (+${Math.ceil(total / 100)} outside the view) in ${Math.round(performance.now() - seedStart)} ms`);

  // Secondary: the delivery path alone — emails queued directly, then a runner delivers them.
  if (direct > 0) {
    const now = systemClock.now();
    const queueStart = performance.now();
    for (let i = 0; i < direct; i += 500) {
      const batch: NewEmail[] = Array.from({ length: Math.min(500, direct - i) }, (_, j) => {
        const n = i + j;
        return { kind: "system", fromName: "Bench", toAddress: `r${n}@direct.bench.example`, toName: `Recipient ${n}`, subject: `Offer #${n}`, html: `<p>Hello <b>${n}</b></p>`, text: `Hello ${n}`, headers: {} };
      });
      await conn.db.transaction((tx) => queueEmails(tx, batch, now));
    }
    const queuedMs = Math.round(performance.now() - queueStart);
    const before = await stubStats();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const start = performance.now();
    runner = new JobRunner({ db: conn.db, clock: systemClock, handlers: jobHandlers, concurrency });
    runner.start();
    const sentCount = async () => (await conn.db.select({ n: sql<number>`count(*)::int` }).from(emails).where(eq(emails.state, "sent")))[0].n;
    let sent = 0;
    while (sent < direct && performance.now() - start < timeoutMs) {
      await new Promise((r) => setTimeout(r, 250));
      sent = await sentCount();
    }
    const seconds = (performance.now() - start) / 1000;
    loop.disable();
    await runner.stop();
    runner = null;
    const after = await stubStats();
    console.error(
      `direct queue (secondary): ${direct} emails queued in ${queuedMs} ms, ${sent} sent at ${Math.round(sent / seconds)} emails/s; loop ${loopLine(loop)}; stub ${after.requests - before.requests} requests, ${after.distinct - before.distinct} distinct, ${after.duplicates - before.duplicates} duplicate keys`,
    );
  }

  // The measurement: a real bulk run, prepared and delivered by the embedded runner.
  const before = await stubStats();
  runner = new JobRunner({ db: conn.db, clock: systemClock, handlers: jobHandlers, concurrency });
  runner.start();
  await runner.idle();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = performance.now();
  const stalls = trackStalls(start);
  // As its server action does: the first batch's job is announced (the runner woken) once the verb finished.
  const started = await announcingJobs(() =>
    startBulkRun({ actor: world.manager, db: conn.db, now: systemClock.now() }, { moduleId: world.moduleId, viewId: world.viewId, templateId: world.templateId, recipientRule: "main_person" }),
  );
  const startedMs = Math.round(performance.now() - start);
  let run = { state: "preparing", sent: 0, failed: 0, skipped: 0 };
  let sendingMs: number | null = null;
  while (run.state !== "done" && performance.now() - start < timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
    [run] = await conn.db.select({ state: bulkRuns.state, sent: bulkRuns.sent, failed: bulkRuns.failed, skipped: bulkRuns.skipped }).from(bulkRuns).where(eq(bulkRuns.id, started.runId));
    if (sendingMs === null && run.state !== "preparing") sendingMs = Math.round(performance.now() - start);
  }
  const seconds = (performance.now() - start) / 1000;
  loop.disable();
  stalls.stop();
  await runner.stop();
  runner = null;

  const after = await stubStats();
  const delivered = new Map((await stubDeliveries()).map((d) => [d.key, d]));
  const sendable = await conn.db
    .select({ emailId: bulkRecipients.emailId, address: bulkRecipients.address })
    .from(bulkRecipients)
    .where(and(eq(bulkRecipients.runId, started.runId), ne(bulkRecipients.outcome, "skipped")));
  const missing = sendable.filter((r) => !r.emailId || !delivered.has(r.emailId)).length;
  const runAddresses = new Set(sendable.map((r) => r.address));
  const perAddress = new Map<string, number>();
  for (const d of delivered.values()) {
    const address = (/<([^>]+)>/.exec(d.to)?.[1] ?? d.to).toLowerCase();
    if (runAddresses.has(address)) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
  }
  const twice = [...perAddress.values()].filter((n) => n > 1).length;
  const [{ n: runEmails }] = await conn.db.select({ n: sql<number>`count(*)::int` }).from(emails).where(eq(emails.runId, started.runId));

  console.error(
    `bulk run: ${started.total} recipients (${started.skipped} skipped), startBulkRun ${startedMs} ms, all prepared at ${sendingMs ?? "?"} ms, state "${run.state}" after ${Math.round(seconds * 1000)} ms (sent ${run.sent}, failed ${run.failed}); ${runEmails} emails stored`,
  );
  console.error(`bulk run: ${stalls.summary()}`);
  console.error(
    `bulk run: event loop ${loopLine(loop)}; stub ${after.requests - before.requests} requests, ${after.distinct - before.distinct} distinct deliveries; ${twice} addresses delivered more than once`,
  );
  console.log(
    JSON.stringify({
      recipients: started.total - started.skipped,
      emails_per_s: Math.round(run.sent / seconds),
      max_loop_stall_ms: ms(loop.max),
      duplicates: after.delivered - before.delivered - (after.distinct - before.distinct),
      missing,
    }),
  );
} finally {
  await runner?.stop();
  await conn.close();
  stub.stop();
  await database.drop();
}
