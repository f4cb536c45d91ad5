/**
 * `npm run bench`: creates a fresh database crm_bench_<timestamp> on BENCH_DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432/postgres), migrates it, bulk-loads 100k cards / 1M
 * todos / 2M history rows with COPY, then times the real list, count, search, card-page and
 * My-todos queries, the global search (five typical queries as an admin and as a Restricted user), three saved views
 * (a field condition, a todo-state condition, an OR of a field and a status: first page, counts, money totals)
 * with the single-card question for 10 ids, a quarter's reports (leaderboard, funnel, weekly trend, the whole page), and the SSR list page over HTTP (wrk at 10 connections when installed). Prints a table and, as the last line, one JSON
 * object with the p95s. Drops the database at the end unless --keep.
 *
 * Options: --keep, --runs <n> (default 50), --scale <fraction>, --skip-http, --rebuild (force `next build` into
 * .next-bench), --explain (EXPLAIN ANALYZE every case, not only those over target), --analyze-all
 * (also ANALYZE the small settings tables, which autovacuum never does on its own).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { openDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { analyzeSettingsTables, migrateDb } from "@/db/migrate";
import { cardAssignees, cards, contacts, fields, groupMembers, groups, modules, organisation, statuses, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { ViewContext } from "@/lib/views/compile-view";
import type { ViewGroup } from "@/lib/views/definition";
import { refreshAllDenormalised } from "@/lib/demo/refresh-denormalised";
import { ensureBuild, hammer, load, login, startServer } from "./bench-http";
import { benchShape, loadBulk, makeWorld } from "./bench-load";
import { actorOf, explainCase, percentile, sampleActivity, timeCase, type CaseResult, type QueryCase } from "./bench-queries";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option("--runs") ?? 50);
// --scale 0.1 loads a tenth of the data (for trying the script out; targets are for the full size).
const scale = Number(option("--scale") ?? 1);
for (const key of ["cards", "companies", "bigModuleCards"] as const) benchShape[key] = Math.round(benchShape[key] * scale);
const timeZone = "Europe/Budapest";
const adminPassword = "bench-password-2026";

const started = performance.now();
const clock = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;
const log = (message: string) => console.log(`[${clock()}] ${message}`);

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `crm_bench_${Date.now()}`;
const benchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(serverUrl).hostname)) {
  console.error("BENCH_DATABASE_URL must point at this machine (127.0.0.1).");
  process.exit(1);
}

const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
await server.unsafe(`create database "${dbName}"`);
log(`Created database ${dbName}.`);

const results = new Map<string, CaseResult>();
let finished = false;
// Ctrl-C (or a closed terminal) still drops the database; so does a closed pipe (`npm run bench | head`).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    void finish().finally(() => process.exit(130));
  });
}
process.stdout.on("error", () => undefined);
let connection: Awaited<ReturnType<typeof openDb>> | undefined;
let loader: postgres.Sql | undefined;
try {
  connection = await openDb(benchUrl);
  const { db } = connection;
  await migrateDb(db);
  loader = postgres(benchUrl, { max: 4, onnotice: () => {} });

  // ---- Load -------------------------------------------------------------------------------
  const loadStarted = performance.now();
  const now = new Date();
  const world = makeWorld(now);
  await db.insert(organisation).values({ id: 1, name: "Bench Kft.", timeZone, defaultLocale: "en" });
  await db.insert(groups).values(world.groups);
  const passwordHash = await hashPassword(adminPassword);
  await db.insert(users).values(world.users.map((u, i) => ({ id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, locale: "en" as const, passwordHash: i === 0 ? passwordHash : null })));
  await db.insert(groupMembers).values(world.users.flatMap((u) => u.groupIds.map((groupId) => ({ groupId, userId: u.id }))));
  for (const [position, m] of world.modules.entries()) {
    await db.insert(modules).values({ id: m.id, name: m.name, position });
    const names = ["New lead", "Qualify", "Offer sent", "Negotiate", "Won", "Lost"];
    await db.insert(statuses).values(m.statusIds.map((id, i) => ({ id, moduleId: m.id, name: names[i], group: i < 4 ? ("open" as const) : i === 4 ? ("won" as const) : ("lost" as const), position: i })));
    await db.insert(fields).values([
      { id: m.fieldIds[0], moduleId: m.id, name: "Budget", type: "money", options: { currency: "HUF" }, position: 0 },
      { id: m.fieldIds[1], moduleId: m.id, name: "Source", type: "select", options: { choices: [{ id: "web", label: "Web" }, { id: "fair", label: "Fair" }] }, position: 1 },
      { id: m.fieldIds[2], moduleId: m.id, name: "Expected close", type: "date", position: 2 },
      { id: m.fieldIds[3], moduleId: m.id, name: "Website", type: "url", position: 3 },
    ]);
  }

  // Secondary indexes are dropped for the load and rebuilt after it (the migration's own definitions).
  const indexes = await loader<{ table: string; name: string; def: string }[]>`
    select c.relname as table, i.relname as name, pg_get_indexdef(i.oid) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not x.indisprimary and not x.indisunique
      and c.relname in ('cards', 'card_contacts', 'card_assignees', 'contacts', 'todos', 'history')`;
  for (const i of indexes) await loader.unsafe(`drop index "${i.name}"`);
  // The report events are derived from the history once it is all in: the cards it belongs to are
  // loaded by another connection at the same time, out of the per-statement trigger's sight.
  await loader.unsafe("alter table history disable trigger history_report_events");
  const cpuBefore = process.cpuUsage();
  const counts = await loadBulk(loader, world, (m) => log(`  copied ${m}`));
  const copied = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  log(`  COPY done; generating the rows took ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of this process's CPU`);

  const rebuild = async (tables: string[]) => {
    await loader!.unsafe("set maintenance_work_mem = '256MB'");
    for (const i of indexes.filter((i) => tables.includes(i.table))) await loader!.unsafe(i.def);
  };
  await rebuild(["card_contacts", "contacts", "todos", "history"]);
  log("  indexes on contacts, todos, history rebuilt");
  await loader.unsafe("analyze todos, card_contacts, contacts");
  await refreshAllDenormalised(db);
  log("  denormalised columns filled (next todo, card_assignees, search_text)");
  await rebuild(["cards", "card_assignees"]);
  await loader.unsafe("alter table history enable trigger history_report_events");
  const reportStarted = performance.now();
  await loader.unsafe("select record_report_events(array(select id from history order by at, id))");
  await loader.unsafe("select fold_report_rollups()");
  log(`  report events and rollups derived from the history in ${((performance.now() - reportStarted) / 1000).toFixed(1)} s`);
  await loader.unsafe("vacuum (analyze) cards, card_assignees, card_contacts, contacts, todos, history, report_events, report_rollups");
  // The small settings tables get what every server start gives them (server.ts → analyzeSettingsTables).
  await analyzeSettingsTables(db);
  if (flag("--analyze-all")) await loader.unsafe("analyze");
  const [sizes] = await loader<{ open: number; assignees: number; db: string }[]>`
    select (select count(*) from todos where completed_at is null)::int as open,
           (select count(*) from card_assignees)::int as assignees,
           pg_size_pretty(pg_database_size(current_database())) as db`;
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(
    `Loaded ${counts.cards} cards, ${counts.todos} todos (${sizes.open} open), ${counts.history} history rows, ${counts.contacts} contacts, ` +
      `${counts.card_contacts} card links, ${sizes.assignees} card_assignees in ${loadSeconds.toFixed(1)} s ` +
      `(COPY ${((copied - loadStarted) / 1000).toFixed(1)} s); database ${sizes.db}.`,
  );

  // ---- Queries ----------------------------------------------------------------------------
  const { listCards } = await import("@/lib/cards/list-cards");
  const { statusCounts } = await import("@/lib/cards/status-counts");
  const { getCardPageOrThrow } = await import("@/lib/cards/get-card-page");
  const { listMyTodos } = await import("@/lib/todos/list-my-todos");
  const { searchEverything } = await import("@/lib/search/search-everything");
  const { listContacts } = await import("@/lib/contacts/list-contacts");
  const { viewTotals } = await import("@/lib/cards/view-totals");
  const { compileViewFilter } = await import("@/lib/views/compile-view");
  const { cardsInView } = await import("@/lib/views/cards-in-view");
  const { getModuleConfigOrThrow } = await import("@/lib/modules/get-module-config");
  const { buildReport, prepareReport, readTogether } = await import("@/lib/reports/build-report");
  const { coverPeriod, overdueAtEnd, rollupCounts, rollupExits, sentEmails, weeklyTrend } = await import("@/lib/reports/report-facts");
  const { reportInputSchema } = await import("@/lib/reports/report-input");

  const big = world.modules[0];
  const admin = actorOf({ ...world.users[0], groupIds: [] });
  const [busiest] = await db
    .select({ id: cardAssignees.assigneeId, n: sql<number>`count(*)::int` })
    .from(cardAssignees)
    .innerJoin(users, eq(users.id, cardAssignees.assigneeId))
    .where(sql`${cardAssignees.moduleId} = ${big.id} and ${users.role} = 'normal'`)
    .groupBy(cardAssignees.assigneeId)
    .orderBy(sql`2 desc`)
    .limit(1);
  const seller = actorOf(world.users.find((u) => u.id === busiest.id)!);
  const restricted = actorOf(world.users.find((u) => u.role === "restricted")!);
  const [{ openTodos: sellerOpen }] = await db
    .select({ openTodos: sql<number>`count(*)::int` })
    .from(sql`todos`)
    .where(sql`assignee_id = ${seller.id} and completed_at is null and deleted_at is null`);
  const cardIds = (await db.select({ id: cards.id }).from(cards).where(eq(cards.moduleId, big.id)).orderBy(sql`random()`).limit(runs)).map((c) => c.id);
  const base = { moduleId: big.id, sort: { by: "deadline" as const }, now, timeZone };
  const [{ matches }] = await db
    .select({ matches: sql<number>`count(*)::int` })
    .from(cards)
    .where(sql`${cards.moduleId} = ${big.id} and ${cards.searchText} ilike ${`%${world.searchTerm}%`}`);

  // Walk the cursor to ~50,000 rows in (and to ~25,000, still among cards with a dated todo).
  const walkTo = async (rows: number) => {
    let after: string | null = null;
    let seen = 0;
    while (seen < rows) {
      const page: { rows: unknown[]; nextCursor: string | null } = await listCards(db, admin, { ...base, after, limit: 200 });
      seen += page.rows.length;
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    return { after, seen };
  };
  const deep = await walkTo(50_000);
  const dated = await walkTo(25_000);
  log(`Walked the cursor to rows ${deep.seen} and ${dated.seen} of ${big.name} (${benchShape.bigModuleCards} cards).`);

  // Global search: what people type into the header's box — one company's name (rare), a common surname,
  // a person's email, the same person's phone as people write it (digits grouped differently), a word found nowhere.
  const company = alias(contacts, "company");
  const [person] = await db
    .select({ email: sql<string>`${contacts.emails}[1]`, phone: sql<string>`${contacts.phones}[1]`, company: sql<string>`lower(${company.name})` })
    .from(contacts)
    .innerJoin(company, eq(company.id, contacts.companyId))
    .where(sql`${contacts.kind} = 'person' and cardinality(${contacts.phones}) > 0`)
    .orderBy(contacts.id)
    .offset(777)
    .limit(1);
  const searchQueries = [
    { kind: "rare word", q: person.company.replace(/ kft\.$/, "") },
    { kind: "common word", q: "kovács" },
    { kind: "email", q: person.email },
    { kind: "phone", q: person.phone.replace(/^\+36 /, "").replace(/ (\d{3}) (\d{4})$/, " $1$2") },
    { kind: "no hit", q: "zebrafish" },
  ];
  const searchAs = (actor: typeof admin, q: string) => (d: typeof db) => searchEverything({ actor, db: d, now }, { q });
  const cycling = (actor: typeof admin) => {
    let turn = 0;
    return (d: typeof db) => searchAs(actor, searchQueries[turn++ % searchQueries.length].q)(d);
  };
  log(`Global search queries: ${searchQueries.map((s) => `${s.kind} "${s.q}"`).join(", ")}.`);

  // Saved views: real definitions through the real compiler, as the list page runs them (Budget is 1,000–900,000 Ft).
  const bigConfig = await getModuleConfigOrThrow(db, big.id);
  const budget = bigConfig.fields.find((f) => f.id === big.fieldIds[0])!;
  const viewCtx: ViewContext = { fields: new Map(bigConfig.fields.map((f) => [f.id, f])), viewerId: admin.id, now, timeZone };
  const rich = { on: "field", fieldId: budget.id, op: "gt", number: 800_000 } as const;
  const viewDefinitions: Record<"field" | "todo" | "or", ViewGroup> = {
    field: { on: "group", join: "and", conditions: [rich] },
    todo: { on: "group", join: "and", conditions: [{ on: "todo", op: "overdue" }] },
    or: { on: "group", join: "or", conditions: [rich, { on: "status", op: "any_of", statusIds: [big.statusIds[2]] }] },
  };
  const viewCases: QueryCase[] = [];
  for (const [name, filter] of Object.entries(viewDefinitions)) {
    let compiled: SQL;
    try {
      compiled = compileViewFilter(filter, viewCtx);
    } catch (error) {
      log(`  view "${name}" not measured: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const view = { filter: compiled, sort: { by: "deadline" as const }, columns: [budget] };
    viewCases.push(
      { key: `view_${name}`, label: `View "${name}": first page`, target: 50, run: (d) => listCards(d, admin, { ...base, view }) },
      { key: `view_${name}_counts`, label: `View "${name}": status counts`, target: 50, run: (d) => statusCounts(d, admin, { moduleId: big.id, view }) },
      { key: `view_${name}_totals`, label: `View "${name}": money total`, target: 50, run: (d) => viewTotals(d, admin, { moduleId: big.id, view }) },
    );
  }
  // The single-card question, for 10 cards at a time, as automations ask it.
  let matchTurn = 0;
  viewCases.push({
    key: "view_match",
    label: 'Is it in the view? 10 cards, view "or"',
    target: 5,
    run: (d) => cardsInView(d, { moduleId: big.id, filter: viewDefinitions.or, ctx: viewCtx }, Array.from({ length: 10 }, () => cardIds[matchTurn++ % cardIds.length])),
  });

  // Reports: the last whole quarter (the busiest: the generated history grows toward today), all modules, as an admin,
  // each read as the page reads it (one snapshot, lib/reports/build-report.ts readTogether).
  const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1));
  const quarter = reportInputSchema.parse({
    period: "custom",
    from: quarterStart.toISOString().slice(0, 10),
    to: new Date(Date.UTC(quarterStart.getUTCFullYear(), quarterStart.getUTCMonth() + 3, 0)).toISOString().slice(0, 10),
  });
  const reportCtx = (d: typeof db) => ({ actor: admin, db: d, now });
  const prepared = async (d: typeof db) => {
    const p = await prepareReport(reportCtx(d), quarter);
    return { ...p, windows: p.windows(p.period) };
  };
  const quarterEnd = new Date(Date.UTC(quarterStart.getUTCFullYear(), quarterStart.getUTCMonth() + 3, 1));
  const [{ quarterEvents, quarterRollups }] = await queryRows<{ quarterEvents: number; quarterRollups: number }>(
    db,
    sql`select (select count(*) from report_events where at >= ${quarterStart.toISOString()}::timestamptz and at < ${quarterEnd.toISOString()}::timestamptz)::int as "quarterEvents",
           (select count(*) from report_rollups where grain = 'month' and start >= ${quarter.from}::date and start <= ${quarter.to}::date)::int as "quarterRollups"`,
  );
  log(`Reports over ${quarter.from} – ${quarter.to}: ${quarterEvents} report events, ${quarterRollups} month rollup rows.`);
  const reportCases: QueryCase[] = [
    {
      key: "report_leaderboard",
      label: "Report: salesperson leaderboard, a quarter",
      target: 200,
      run: async (d) => {
        const p = await prepared(d);
        return readTogether(d, (tx) => Promise.all([rollupCounts(tx, coverPeriod(p.period), p.counted), sentEmails(tx, p.windows, p.moduleIds), overdueAtEnd(tx, p.windows, p.moduleIds, now)]));
      },
    },
    {
      key: "report_funnel",
      label: "Report: funnel and time in status, a quarter",
      target: 200,
      run: async (d) => {
        const p = await prepared(d);
        return readTogether(d, (tx) => Promise.all([rollupCounts(tx, coverPeriod(p.period), p.counted), rollupExits(tx, coverPeriod(p.period), p.counted)]));
      },
    },
    {
      key: "report_trend",
      label: "Report: weekly trend, a quarter",
      target: 200,
      run: async (d) => {
        const p = await prepared(d);
        return readTogether(d, (tx) => weeklyTrend(tx, coverPeriod(p.period, { months: false }), p.counted));
      },
    },
    { key: "report_full", label: "Report: the whole page's data, a quarter", target: 600, run: (d) => buildReport(reportCtx(d), quarter) },
  ];

  let cardTurn = 0;
  const cases: QueryCase[] = [
    { key: "list", label: `List, first page (Everyone, ${big.name})`, target: 50, run: (d) => listCards(d, admin, base) },
    { key: "list_user", label: `List filtered by user (${sellerOpen} open todos)`, target: 50, run: (d) => listCards(d, admin, { ...base, userId: seller.id }) },
    { key: "list_status", label: "List filtered by status", target: 50, run: (d) => listCards(d, admin, { ...base, statusId: big.statusIds[0] }) },
    {
      key: "deep_page",
      label: `Deep keyset page (row ${deep.seen})`,
      target: (r) => Math.min(50, 1.5 * (r.get("list")?.p95 ?? 50)),
      run: (d) => listCards(d, admin, { ...base, after: deep.after }),
    },
    { key: "deep_dated", label: `Deep keyset page (row ${dated.seen}, dated)`, target: (r) => Math.min(50, 1.5 * (r.get("list")?.p95 ?? 50)), run: (d) => listCards(d, admin, { ...base, after: dated.after }) },
    { key: "counts", label: "Status counts (Everyone)", target: 50, run: (d) => statusCounts(d, admin, { moduleId: big.id }) },
    { key: "counts_user", label: "Status counts filtered by user", target: 50, run: (d) => statusCounts(d, admin, { moduleId: big.id, userId: seller.id }) },
    { key: "search", label: `Quick search "${world.searchTerm}" (${matches} cards)`, target: 50, run: (d) => listCards(d, admin, { ...base, q: world.searchTerm }) },
    { key: "search_counts", label: "Status counts with the search", target: 50, run: (d) => statusCounts(d, admin, { moduleId: big.id, q: world.searchTerm }) },
    { key: "card", label: "Card page data", target: 50, run: (d) => getCardPageOrThrow(d, admin, cardIds[cardTurn++ % cardIds.length], { now, timeZone }) },
    { key: "my_todos", label: "My todos (the same salesperson)", target: 50, run: (d) => listMyTodos(d, seller, { now, timeZone }) },
    { key: "list_restricted", label: "List as a Restricted user", target: 50, run: (d) => listCards(d, restricted, base) },
    { key: "counts_restricted", label: "Status counts as a Restricted user", target: 50, run: (d) => statusCounts(d, restricted, { moduleId: big.id }) },
    { key: "search_restricted", label: "Quick search as a Restricted user", target: 50, run: (d) => listCards(d, restricted, { ...base, q: world.searchTerm }) },
    { key: "contacts", label: "Contact list, first page (admin)", target: 50, run: (d) => listContacts({ actor: admin, db: d, now }, {}) },
    // Restricted: only contacts linked to a card they can see or to none (lib/contacts/scope.ts).
    { key: "contacts_restricted", label: "Contact list, first page (Restricted)", target: 50, run: (d) => listContacts({ actor: restricted, db: d, now }, {}) },
    { key: "contacts_search_restricted", label: `Contact search "kovács" (Restricted)`, target: 50, run: (d) => listContacts({ actor: restricted, db: d, now }, { q: "kovács" }) },
    { key: "global_search", label: "Global search, 5 queries in turn (admin)", target: 50, run: cycling(admin) },
    { key: "global_search_restricted", label: "Global search, 5 queries in turn (Restricted)", target: 50, run: cycling(restricted) },
    ...viewCases,
    ...reportCases,
  ];

  for (const c of cases) {
    const times = await timeCase(db, c, { runs, warmup: 5 });
    const target = typeof c.target === "number" ? c.target : c.target(results);
    results.set(c.key, { key: c.key, label: c.label, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], target });
    log(`  ${c.key}: p95 ${percentile(times, 95).toFixed(1)} ms`);
  }

  // Which global search query is the slowest: its EXPLAIN is printed with the report.
  const perQuery: { label: string; p95: number; run: QueryCase["run"] }[] = [];
  for (const [who, actor] of [["admin", admin], ["Restricted", restricted]] as const) {
    for (const s of searchQueries) {
      const run = searchAs(actor, s.q);
      const times = await timeCase(db, { key: "q", label: s.q, target: 50, run }, { runs: Math.max(5, Math.round(runs / 5)), warmup: 2 });
      perQuery.push({ label: `${who}, ${s.kind} "${s.q}"`, p95: percentile(times, 95), run });
    }
  }
  const slowestSearch = perQuery.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  log(`  global search per query (p95): ${perQuery.map((q) => `${q.label} ${q.p95.toFixed(1)} ms`).join("; ")}`);

  // ---- SSR over HTTP ----------------------------------------------------------------------
  if (!flag("--skip-http")) {
    try {
      ensureBuild({ rebuild: flag("--rebuild"), log });
      const app = await startServer(benchUrl);
      try {
        log(`Server up at ${app.base}.`);
        const cookie = await login(app.base, world.users[0].email, adminPassword);
        const url = `${app.base}/modules/${big.id}`;
        await hammer(url, cookie, { total: 20, concurrency: 2 });
        const cpuBefore = app.cpuMs();
        const single = await hammer(url, cookie, { total: 20, concurrency: 1 });
        log(`The server used ${((app.cpuMs() - cpuBefore) / 20).toFixed(0)} ms of CPU per list page (one at a time).`);
        results.set("ssr_single", { key: "ssr_single", label: "SSR list page, one at a time (20 requests)", runs: 20, p50: percentile(single, 50), p95: percentile(single, 95), max: single[single.length - 1], target: 250 });
        await load(url, cookie, { concurrency: 10, seconds: 5 }); // warm-up at full concurrency
        const sampler = sampleActivity(loader, dbName);
        const cpuBeforeLoad = app.cpuMs();
        const loaded = await load(url, cookie, { concurrency: 10, seconds: 20 });
        log(`${loaded.tool}: ${loaded.requests} pages at 10 concurrent; the server used ${((app.cpuMs() - cpuBeforeLoad) / loaded.requests).toFixed(0)} ms of CPU per page.`);
        const slowest = (await sampler.stop()).filter((s) => s.maxMs >= 20).slice(0, 6);
        const label = loaded.tool === "wrk" ? `SSR list page, 10 concurrent (wrk, 20 s: ${loaded.requests})` : `SSR list page, 10 concurrent (fetch: ${loaded.requests})`;
        results.set("ssr_list", { key: "ssr_list", label, runs: loaded.requests, p50: loaded.p50, p95: loaded.p95, max: loaded.max, target: 250 });
        if (slowest.length) {
          log("Slowest statements seen running during the SSR load (pg_stat_activity, sampled every 100 ms):");
          for (const s of slowest) console.log(`  ${s.maxMs.toFixed(0).padStart(6)} ms  ×${s.samples}  ${s.query.slice(0, 220)}`);
        }
      } finally {
        await app.stop();
      }
    } catch (error) {
      log(`SSR measurement failed: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`);
    }
  }

  // ---- Report -----------------------------------------------------------------------------
  const over = [...results.values()].filter((r) => r.p95 > r.target);
  console.log("");
  console.log(`${"measurement".padEnd(52)} ${"runs".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)} ${"target".padStart(8)}`);
  for (const r of results.values()) {
    console.log(
      `${r.label.padEnd(52)} ${String(r.runs).padStart(5)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${`≤${r.target.toFixed(0)}`.padStart(8)}${r.p95 > r.target ? "  OVER" : ""}`,
    );
  }
  console.log(`(up to ${runs} runs per query after warm-up, at most ~20 s each; load ${loadSeconds.toFixed(1)} s)`);

  const explainKeys = new Set(flag("--explain") ? cases.map((c) => c.key) : over.map((r) => r.key));
  for (const c of cases.filter((c) => explainKeys.has(c.key))) {
    console.log(`\n===== EXPLAIN ANALYZE: ${c.label} =====`);
    console.log(await explainCase(benchUrl, c));
  }

  console.log(`\n===== EXPLAIN ANALYZE: slowest global search query (${slowestSearch.label}, p95 ${slowestSearch.p95.toFixed(1)} ms) =====`);
  console.log(await explainCase(benchUrl, { key: "slowest_search", label: slowestSearch.label, target: 50, run: slowestSearch.run }));

  const p95 = (key: string) => (results.has(key) ? Math.round(results.get(key)!.p95 * 10) / 10 : null);
  await finish();
  console.log(
    JSON.stringify({
      list_p95_ms: p95("list"),
      list_user_p95_ms: p95("list_user"),
      list_status_p95_ms: p95("list_status"),
      deep_page_p95_ms: p95("deep_page"),
      counts_p95_ms: p95("counts"),
      search_p95_ms: p95("search"),
      card_p95_ms: p95("card"),
      my_todos_p95_ms: p95("my_todos"),
      ssr_list_p95_ms: p95("ssr_list"),
      // Over both: the admin's and the Restricted user's five queries.
      global_search_p95_ms: Math.max(p95("global_search") ?? 0, p95("global_search_restricted") ?? 0),
      global_search_admin_p95_ms: p95("global_search"),
      global_search_restricted_p95_ms: p95("global_search_restricted"),
      view_field_p95_ms: p95("view_field"),
      view_todo_p95_ms: p95("view_todo"),
      view_or_p95_ms: p95("view_or"),
      // The slowest of the three views' counts (null when none could be measured).
      view_counts_p95_ms: ((c) => (c.length ? Math.max(...c) : null))(["view_field_counts", "view_todo_counts", "view_or_counts"].map(p95).filter((v): v is number => v !== null)),
      view_match_p95_ms: p95("view_match"),
      report_leaderboard_p95_ms: p95("report_leaderboard"),
      report_funnel_p95_ms: p95("report_funnel"),
      report_trend_p95_ms: p95("report_trend"),
      report_full_p95_ms: p95("report_full"),
    }),
  );
} catch (error) {
  await finish();
  throw error;
}

async function finish(): Promise<void> {
  if (finished) return;
  finished = true;
  const pending = [connection?.close(), loader?.end()];
  connection = undefined;
  loader = undefined;
  await Promise.all(pending);
  if (flag("--keep")) {
    log(`Kept database ${dbName}: ${benchUrl}`);
  } else {
    await server.unsafe(`drop database if exists "${dbName}" with (force)`);
    log(`Dropped database ${dbName}.`);
  }
  await server.end();
}
