/**
 * `npm run db:seed -- --demo`: adds a believable demo company — five modules, twenty users in four
 * country teams, ~2,000 cards with contacts, todos and history — to an installation that has no
 * cards yet, in the organisation's default language (see lib/demo/seed-demo.ts for what it keeps).
 * Uses the database db/client.ts picks (PGlite in DATA_DIR, or DATABASE_URL).
 *
 * Options: --seed <text> (another reproducible variant), --verb-every <n> (every n-th card goes
 * through the real verbs; default 25), --scale <fraction> (fewer cards, e.g. 0.1).
 */
import { and, isNull, sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { organisation, todos } from "@/db/schema";
import { demoPassword } from "@/lib/demo/company";
import { DemoSeedRefused, seedDemo } from "@/lib/demo/seed-demo";
import { todoGroup } from "@/lib/time/org-time";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (!args.includes("--demo")) {
  console.log("Usage: npm run db:seed -- --demo [--seed <text>] [--verb-every <n>] [--scale <fraction>]");
  console.log("Adds demo data to an installation without cards, in its default language. Nothing was changed.");
  process.exit(1);
}

const started = performance.now();
const seconds = () => {
  const cpu = process.cpuUsage();
  return `${((performance.now() - started) / 1000).toFixed(1)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`;
};
const connection = await openDb();
console.log(`Seeding the demo company into ${connection.kind === "pglite" ? "the embedded database (PGlite)" : "PostgreSQL (DATABASE_URL)"}…`);

try {
  const { db } = connection;
  await migrateDb(db);
  console.log(`  [${seconds()}] Database ready.`);
  const now = new Date();
  const result = await db.transaction((tx) =>
    seedDemo(tx, {
      now,
      seed: option("--seed"),
      verbEvery: option("--verb-every") ? Number(option("--verb-every")) : undefined,
      scale: option("--scale") ? Number(option("--scale")) : undefined,
      log: (message) => console.log(`  [${seconds()}] ${message}`),
    }),
  );

  console.log(`  [${seconds()}] Committed.`);
  const count = (query: string) => sql<number>`(${sql.raw(query)})::int`;
  const [row] = await db
    .select({
      modules: count("select count(*) from modules"),
      users: count("select count(*) from users"),
      cards: count("select count(*) from cards"),
      companies: count("select count(*) from contacts where kind = 'company'"),
      persons: count("select count(*) from contacts where kind = 'person'"),
      completedTodos: count("select count(*) from todos where completed_at is not null"),
      history: count("select count(*) from history"),
      timeZone: organisation.timeZone,
    })
    .from(organisation);
  const open = await db.select({ deadline: todos.deadline }).from(todos).where(and(isNull(todos.completedAt), isNull(todos.deletedAt)));
  const groups = { overdue: 0, today: 0, tomorrow: 0, later: 0 };
  for (const t of open) groups[todoGroup(t.deadline, now, row.timeZone)]++;

  console.log(`\nDone in ${seconds()}.`);
  console.log(
    `  ${row.modules} modules, ${row.users} users, ${row.cards} cards (${result.cardsViaVerbs} through the verbs, ${result.cardsInBulk} in bulk), ` +
      `${row.companies} companies, ${row.persons} persons`,
  );
  console.log(
    `  open todos: ${groups.overdue} overdue, ${groups.today} today, ${groups.tomorrow} tomorrow, ${groups.later} later; ` +
      `${row.completedTodos} completed; ${row.history} history rows`,
  );
  console.log("\nUsers (all with the demo password):");
  for (const u of result.users) console.log(`  ${u.role.padEnd(16)} ${u.team.padEnd(7)} ${u.name.padEnd(22)} ${u.email}`);
  if (result.skippedUsers.length) console.log(`  (already there, left unchanged: ${result.skippedUsers.join(", ")})`);
  console.log("\nLog in as the admin:");
  console.log(`  email:    ${result.admin.email}`);
  console.log(`  password: ${result.admin.created ? demoPassword : "(your existing password — this admin was already there)"}`);
  console.log(`Demo password of every demo user: ${demoPassword}`);
} catch (error) {
  if (!(error instanceof DemoSeedRefused)) throw error;
  console.log(`${error.message} Nothing was changed.`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
