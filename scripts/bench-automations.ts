/**
 * `npm run bench:automations`: automation step runs executed by the embedded runner, on PostgreSQL.
 *
 * - Creates its own database crm_benchauto_<timestamp> on BENCH_DATABASE_URL's server (else
 *   TEST_DATABASE_URL's, else postgres://postgres@127.0.0.1:5432/postgres), migrates it, drops it at the end.
 * - The Resend stub (test/resend-stub.ts, deduping by Idempotency-Key like Resend) runs in a child process.
 * - Part 1, update_overhead_p95_ms: card updates through `updateCard` in a module with 50 active view
 *   automations, against the same updates in a module with none; the difference of the two p95s. First
 *   a field no view looks at (every update still asks all 50 automations: the cost of the check), then
 *   a field the views filter on, so the card enters and leaves about a dozen of them per update
 *   (update_overhead_entering_p95_ms: the check plus the enrolments, step runs and jobs it writes).
 * - Part 2: N cards (default 5,000) each enrolled in an active status automation of two steps — a todo
 *   for the owner and an email to the main person — so 2N step runs (default 10,000), all due at the
 *   same instant a few seconds ahead, written in bulk as enrolment writes them. This process plays the
 *   server: its JobRunner (lib/jobs/handlers.ts, as many jobs in flight as server.ts's) executes them and
 *   delivers the emails through the real Resend client to the stub. NODE_ENV=production, as `npm start`.
 *   seconds: from the due time to the last step run's job finished; p99_late_ms: its job's finish
 *   minus its due time, 99th percentile. Then it waits for every email to be delivered (stderr).
 * - duplicates: second todos or emails of a card, second history entries of a step run, and second
 *   deliveries at the stub; missing: step runs not done, cards without their todo or email, emails
 *   not delivered.
 * - Last line: one JSON object {"step_runs","seconds","p99_late_ms","duplicates","missing","update_overhead_p95_ms"}.
 *   Options: -- --cards N (default 5000), --concurrency N (default: the runner's, 16), --updates N (default 300 per module).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createBenchDatabase, startResendStubProcess } from "./bench-support";
import { openDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { automations, automationSteps, cardContacts, cards, contacts, emailTemplates, fields, modules, organisation, statuses, users, views } from "@/db/schema";
import { syncEnrolments } from "@/lib/automations/sync-enrolments";
import { seedAutomation, seedStepRuns } from "@/lib/automations/test-step-runs";
import type { Actor } from "@/lib/auth/permissions";
import { updateCard } from "@/lib/cards/update-card";
import { systemClock } from "@/lib/clock";
import { jobHandlers } from "@/lib/jobs/handlers";
import { JobRunner } from "@/lib/jobs/job-runner";
import { defaultConcurrency } from "@/lib/jobs/run-jobs";
import { announcingJobs } from "@/lib/jobs/wake";
import { emptyViewDefinition } from "@/lib/views/definition";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cardCount = arg("cards", 5_000);
const concurrency = arg("concurrency", defaultConcurrency);
const updates = arg("updates", 300);
const viewAutomations = 50;
const timeoutMs = 10 * 60_000;

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = await createBenchDatabase(serverUrl, "crm_benchauto");
const stub = await startResendStubProcess();
const stubUrl = stub.url;
const stubStats = async () => (await (await fetch(`${stubUrl}/_stats`)).json()) as { requests: number; delivered: number; distinct: number; duplicates: number };

const chunk = 1000;
async function insertChunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;
const one = async <T>(db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as T[])[0];

async function seedModule(db: Db, name: string, ownerId: string, count: number, withPeople: boolean) {
  const [module] = await db.insert(modules).values({ name }).returning();
  const [lead, offer] = await db
    .insert(statuses)
    .values([
      { moduleId: module.id, name: "New lead", group: "open", position: 0 },
      { moduleId: module.id, name: "Offer sent", group: "open", position: 1 },
      { moduleId: module.id, name: "Won", group: "won", position: 2 },
    ])
    .returning();
  const [score, amount] = await db
    .insert(fields)
    .values([
      { moduleId: module.id, name: "Score", type: "number", position: 0 },
      { moduleId: module.id, name: "Amount", type: "number", position: 1 },
    ])
    .returning();
  const cardRows = Array.from({ length: count }, (_, n) => ({ id: randomUUID(), moduleId: module.id, statusId: offer.id, ownerId, name: `${name} deal ${n}`, values: { [score.id]: n % 100 } }));
  await insertChunked(cardRows, (part) => db.insert(cards).values(part));
  if (withPeople) {
    const people = cardRows.map((_, n) => ({ id: randomUUID(), kind: "person" as const, name: `Person${n}`, firstName: `First${n}`, lastName: `Person${n}`, emails: [`p${n}@bench.example`] }));
    await insertChunked(people, (part) => db.insert(contacts).values(part));
    await insertChunked(cardRows.map((c, n) => ({ cardId: c.id, contactId: people[n].id, position: 0 })), (part) => db.insert(cardContacts).values(part));
  }
  return { module, lead, offer, score, amount, cardIds: cardRows.map((c) => c.id) };
}

/** Part 1: p95 of updateCard in a module with 50 active view automations minus the p95 in one without. */
async function measureUpdateOverhead(db: Db, owner: Actor) {
  const withAutomations = await seedModule(db, "Automated", owner.id, 200, false);
  const without = await seedModule(db, "Plain", owner.id, 200, false);
  for (let i = 0; i < viewAutomations; i++) {
    const [view] = await db
      .insert(views)
      .values({
        moduleId: withAutomations.module.id,
        createdById: owner.id,
        shared: true,
        name: `Score over ${i * 2}`,
        position: i,
        definition: {
          ...emptyViewDefinition(),
          filter: {
            on: "group",
            join: "and",
            conditions: [
              { on: "status", op: "any_of", statusIds: [withAutomations.offer.id] },
              { on: "field", fieldId: withAutomations.score.id, op: "gt", number: i * 2 },
            ],
          },
        },
      })
      .returning();
    const [automation] = await db
      .insert(automations)
      .values({ moduleId: withAutomations.module.id, name: `View automation ${i}`, trigger: "view", viewId: view.id, state: "active", activatedAt: systemClock.now(), createdById: owner.id })
      .returning();
    // Far in the future: enrolments made during the measurement leave nothing due for part 2.
    await db.insert(automationSteps).values({ automationId: automation.id, position: 0, kind: "todo_user", recipient: "card_owner", todoText: "Follow up", delayDays: 30 });
  }
  // As activation would have: the cards matching now are inside before the measurement starts.
  await db.transaction((tx) => syncEnrolments(tx, withAutomations.cardIds, systemClock.now()));
  const versions = new Map<string, number>();
  /** One update of card i: its Amount (no view looks at it: the check alone) or its Score (it enters and leaves views). */
  const timed = async (m: typeof withAutomations, i: number, field: "amount" | "score") => {
    const cardId = m.cardIds[i % m.cardIds.length];
    const version = versions.get(cardId) ?? 1;
    const start = performance.now();
    await announcingJobs(() => updateCard({ actor: owner, db, now: systemClock.now() }, { cardId, version, values: { [m[field].id]: (i * 37 + version) % 100 } }));
    const elapsed = performance.now() - start;
    versions.set(cardId, (await one<{ v: number }>(db, sql`select version as v from cards where id = ${cardId}::uuid`)).v);
    return elapsed;
  };
  const series = async (field: "amount" | "score") => {
    for (let i = 0; i < 30; i++) {
      await timed(withAutomations, i, field);
      await timed(without, i, field);
    } // warm-up
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 30; i < 30 + updates; i++) {
      a.push(await timed(withAutomations, i, field));
      b.push(await timed(without, i, field));
    }
    return { a, b, overhead: round(percentile(a, 95) - percentile(b, 95)) };
  };
  const check = await series("amount");
  const before = await one<{ n: number }>(db, sql`select count(*)::int as n from automation_enrolments`);
  const moving = await series("score");
  const enrolled = await one<{ n: number }>(db, sql`select count(*)::int as n from automation_enrolments`);
  const describe = ({ a, b }: { a: number[]; b: number[] }) =>
    `p95 ${round(percentile(a, 95))} ms with ${viewAutomations} view automations, ${round(percentile(b, 95))} ms without (medians ${round(percentile(a, 50))} / ${round(percentile(b, 50))} ms)`;
  console.error(`updates that change no automation's answer (Amount): ${describe(check)}`);
  console.error(`updates that move the card in or out of views (Score): ${describe(moving)}; ${enrolled.n - before.n} enrolments written by ${updates + 30} updates`);
  return { check: check.overhead, moving: moving.overhead };
}

const conn = await openDb(database.url);
let runner: JobRunner | null = null;
try {
  await migrateDb(conn.db);
  process.env.RESEND_API_KEY = "re_bench";
  process.env.RESEND_BASE_URL = stubUrl;
  process.env.AUTH_SECRET ??= "bench-automations-secret";
  delete process.env.SMTP_URL;
  delete process.env.INNGEST_EVENT_KEY;
  const db = conn.db;

  await db.insert(organisation).values({ id: 1, name: "Bench Kft.", timeZone: "Europe/Budapest", defaultLocale: "en" });
  const [u] = await db.insert(users).values({ email: "manager@bench.example", role: "manager", firstName: "Mara", lastName: "Manager", emailSignature: "Mara Manager\nBench Kft." }).returning();
  const owner: Actor = { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: "manager", locale: null, groupIds: [] };

  const updateOverhead = await measureUpdateOverhead(db, owner);

  const seedStart = performance.now();
  const sales = await seedModule(db, "Sales", owner.id, cardCount, true);
  const [template] = await db
    .insert(emailTemplates)
    .values({ moduleId: sales.module.id, name: "Follow-up", subject: "About {{card.name}}", bodyHtml: "<p>Dear {{person.firstName}},</p><p>following up on <strong>{{card.name}}</strong>. Reply to {{sender.email}}.</p>" })
    .returning();
  const { automation, steps } = await seedAutomation(db, { moduleId: sales.module.id, name: "Offer follow-up", statusId: sales.offer.id, createdById: owner.id }, [
    { kind: "todo_user", recipient: "card_owner", todoText: "Call about the offer", todoType: "call" },
    { kind: "email_contact", recipient: "main_person", emailTemplateId: template.id },
  ]);
  const dueAt = new Date(systemClock.now().getTime() + 5_000);
  const { stepRunIds } = await seedStepRuns(db, { automationId: automation.id, stepIds: steps.map((s) => s.id), cardIds: sales.cardIds, dueAt, enteredAt: systemClock.now() });
  const total = stepRunIds.length;
  console.error(`seeded ${cardCount} cards, ${total} step runs due at ${dueAt.toISOString()} in ${Math.round(performance.now() - seedStart)} ms`);

  runner = new JobRunner({ db, clock: systemClock, handlers: jobHandlers, concurrency });
  runner.start();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const pending = async () => (await one<{ n: number }>(db, sql`select count(*)::int as n from automation_step_runs where state = 'pending' and automation_id = ${automation.id}::uuid`)).n;
  while ((await pending()) > 0 && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 250));
  const cpu = process.cpuUsage(cpuBefore);
  const stepWallMs = performance.now() - started;
  const timing = await db.execute(sql`select extract(epoch from (j.finished_at - j.due_at)) * 1000 as late from jobs j join automation_step_runs r on j.key = 'step:' || r.id where r.automation_id = ${automation.id}::uuid and j.state = 'done'`);
  const late = (timing as unknown as { late: string | number }[]).map((r) => Number(r.late));
  const lastFinish = await one<{ at: string | Date | null }>(db, sql`select max(j.finished_at) as at from jobs j join automation_step_runs r on j.key = 'step:' || r.id where r.automation_id = ${automation.id}::uuid`);
  const seconds = lastFinish.at ? round((new Date(lastFinish.at).getTime() - dueAt.getTime()) / 1000) : null;

  const sentCount = async () => (await one<{ n: number }>(db, sql`select count(*)::int as n from emails where state = 'sent'`)).n;
  while ((await sentCount()) < cardCount && performance.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 250));
  const deliveredS = round((performance.now() - started) / 1000);
  await runner.stop();
  runner = null;

  const runs = await one<{ done: number; other: number }>(db, sql`select count(*) filter (where state = 'done')::int as done, count(*) filter (where state <> 'done')::int as other from automation_step_runs where automation_id = ${automation.id}::uuid`);
  const todoCounts = await one<{ n: number; cards: number }>(db, sql`select count(*)::int as n, count(distinct card_id)::int as cards from todos where module_id = ${sales.module.id}::uuid`);
  const emailCounts = await one<{ n: number; cards: number; sent: number }>(db, sql`select count(*)::int as n, count(distinct card_id)::int as cards, count(*) filter (where state = 'sent')::int as sent from emails where module_id = ${sales.module.id}::uuid`);
  const entries = await one<{ n: number; runs: number }>(db, sql`select count(*)::int as n, count(distinct (card_id, data->>'stepId'))::int as runs from history where kind = 'automation_step'`);
  const stats = await stubStats();
  const duplicates = todoCounts.n - todoCounts.cards + (emailCounts.n - emailCounts.cards) + (entries.n - entries.runs) + (stats.delivered - stats.distinct);
  const missing = runs.other + (cardCount - todoCounts.cards) + (cardCount - emailCounts.cards) + (emailCounts.n - emailCounts.sent);
  console.error(
    `step runs: ${runs.done} done, ${runs.other} not, last finished ${seconds} s after the due time; lateness p50 ${round(percentile(late, 50))} ms, p99 ${round(percentile(late, 99))} ms, max ${round(Math.max(...late))} ms`,
  );
  console.error(`this process used ${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU in the ${Math.round(stepWallMs)} ms until no step run was pending (${Math.round(((cpu.user + cpu.system) / 10) / stepWallMs)} % of one core); load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.error(`emails: ${emailCounts.n} stored, ${emailCounts.sent} sent (all delivered ${deliveredS} s after the runner started); stub ${stats.requests} requests, ${stats.distinct} distinct deliveries; todos ${todoCounts.n} on ${todoCounts.cards} cards`);
  console.log(JSON.stringify({ step_runs: total, seconds, p99_late_ms: round(percentile(late, 99)), duplicates, missing, update_overhead_p95_ms: updateOverhead.check, update_overhead_entering_p95_ms: updateOverhead.moving }));
} finally {
  await runner?.stop();
  await conn.close();
  stub.stop();
  await database.drop();
}
