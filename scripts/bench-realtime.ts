/**
 * `npm run bench:realtime`: delivery latency and cost of live updates with 1,000 browsers connected.
 *
 * What it does, and why this way:
 * - Creates its own database crm_benchrt_<timestamp> on BENCH_DATABASE_URL's server (default
 *   postgres://postgres@127.0.0.1:5432/postgres), migrates it and seeds it directly: an organisation,
 *   one module with statuses, ⌈clients / 50⌉ "normal" users (one argon2 hash, computed once, shared by
 *   all) in two groups, one card per event to publish. The database is dropped at the end, also on
 *   an error or Ctrl-C.
 * - Starts the real production server (`startServer`: node --import tsx server.ts against the
 *   .next-bench build) in its own process tree: with DATABASE_URL, server.ts may fork one worker per
 *   core (cluster), so CPU and memory are summed over the server process and its descendants. A tiny
 *   probe is loaded into each with `--import data:…` (nothing in the app changes): on SIGUSR2 it
 *   reports its event-loop delay since the last signal, runs a full GC and prints
 *   process.memoryUsage(), so memory is compared after garbage is gone, not by luck.
 * - Logs each user in once through Auth.js's credentials flow and shares the cookie between 50
 *   sockets, the way one user's browser tabs share it. The sockets live in two forked client
 *   processes (scripts/bench-realtime-clients.ts), so the receivers' event loops are neither this
 *   process's (the publisher's) nor the server's. They connect like components/live/live-provider.tsx
 *   (WebSocket, session cookie, "crm:change"); the browser emits nothing to join rooms — the server
 *   puts every socket in its user's rooms on connect, and "normal" users are all in the room that
 *   hears about every card of the module (rooms.allCards).
 * - Publishes through the real path: this process is a second app instance — its own Socket.IO
 *   server with the same adapter (configureAdapter: PostgreSQL LISTEN/NOTIFY, or Redis when
 *   REDIS_URL is set) as multi-instance.test.ts does — and per event runs the real domain verb
 *   (updateCard: rename, one transaction with history) and then announceCardChange, exactly what
 *   the card page's server action does after commit. Each event is about its own card, so a
 *   receipt is matched to its event by cardId; every socket should get each event exactly once.
 * - Latency = receipt time in the client − the time announceCardChange was called (both from
 *   performance.timeOrigin + performance.now(), one machine clock). The table also shows it from
 *   the start of the verb. Events are sent on a fixed schedule (rate per second), not back to back.
 * - Server CPU is the /proc CPU time of the server's processes over the publish window, as % of one
 *   core. Memory per connection is what the server retains for the sockets: V8 heap used + external
 *   memory (all server processes, after a full GC and a settle delay) with every socket connected,
 *   minus the same before they connected, divided by the sockets connected. The RSS delta is printed
 *   too, but on an idle server RSS swings by tens of MB within seconds (V8 resizing its heap, malloc
 *   trimming), so per connection it ranged from −46 to +55 KB in trial runs while heap + external
 *   stayed at 15 KB: too noisy to judge a 50 KB target by.
 * - To tell where latency comes from, the table splits it per event (first and last socket to hear
 *   it), and shows the event-loop delay of the server and of the client processes, and how busy the
 *   whole machine was (other work on it slows every number here down).
 *
 * Options: --clients N (1000), --seconds S (30), --rate R events/s (10), --per-user N sockets per
 * login (50), --client-processes N (2), --rebuild (force `next build` into .next-bench),
 * --cpu-prof (the server's processes write .cpuprofile files into a temporary directory, printed).
 * Last stdout line: one JSON object {"clients","p50_ms","p99_ms","kb_per_conn","rss_kb_per_conn","cpu_pct","missed",…}.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { cards, groupMembers, groups, modules, organisation, statuses, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { updateCard } from "@/lib/cards/update-card";
import { configureAdapter } from "@/lib/realtime/adapter";
import { announceCardChange } from "@/lib/realtime/announce";
import { ensureBuild, login, startServer, type RunningServer } from "./bench-http";
import type { ClientProcessCommand, ClientProcessMessage } from "./bench-realtime-clients";
import { percentile } from "./bench-queries";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
};
const clientCount = Math.round(option("--clients", 1000));
const seconds = option("--seconds", 30);
const rate = option("--rate", 10);
const perUser = Math.round(option("--per-user", 50));
const clientProcessCount = Math.min(clientCount, Math.round(option("--client-processes", 2)));
const eventCount = Math.round(seconds * rate);
const warmupEvents = 5;
const targets = { p99Ms: 100, kbPerConn: 50 };
const password = "bench-realtime-2026";

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(serverUrl).hostname)) {
  console.error("BENCH_DATABASE_URL must point at this machine (127.0.0.1).");
  process.exit(1);
}
const dbName = `crm_benchrt_${Date.now()}`;
const benchUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();

// On SIGUSR2 the server prints its event-loop delay since the last signal (timer lag beyond the 10 ms
// sampling interval), runs a full GC and prints its memory (loaded with --expose-gc; see the header).
const probeMarker = "[bench-realtime-probe]";
const probe = [
  `const { monitorEventLoopDelay } = await import("node:perf_hooks");`,
  `const h = monitorEventLoopDelay({ resolution: 10 }); h.enable();`,
  `const lag = (ns) => Math.max(0, ns / 1e6 - 10);`,
  `process.on("SIGUSR2", () => {`,
  `  const eld = { p50: lag(h.percentile(50)), p99: lag(h.percentile(99)), max: lag(h.max) };`,
  `  globalThis.gc?.(); setTimeout(() => h.reset(), 100);`,
  `  console.log(${JSON.stringify(probeMarker)} + JSON.stringify({ ...process.memoryUsage(), eld, pid: process.pid }));`,
  `});`,
].join("\n");
const probeArgs = ["--expose-gc", "--import", `data:text/javascript,${encodeURIComponent(probe)}`];

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
log(`Created database ${dbName}.`);

let connection: Awaited<ReturnType<typeof openDb>> | undefined;
let app: RunningServer | undefined;
let publisher: { io: Server; closeAdapter: () => Promise<void> } | undefined;
const clientProcesses: ChildProcess[] = [];
let interrupted = false;
let finishing: Promise<void> | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    interrupted = true;
    void finish().finally(() => process.exit(130));
  });
}
process.stdout.on("error", () => undefined);

try {
  connection = await openDb(benchUrl);
  const { db } = connection;
  await migrateDb(db);

  // ---- Seed ------------------------------------------------------------------------------
  const seedNow = new Date();
  await db.insert(organisation).values({ id: 1, name: "Bench Kft.", timeZone: "Europe/Budapest", defaultLocale: "en" });
  const groupRows = await db.insert(groups).values([{ name: "Hungary" }, { name: "Romania" }]).returning({ id: groups.id });
  const passwordHash = await hashPassword(password); // once: argon2 is slow on purpose
  const userCount = Math.ceil(clientCount / perUser);
  const userRows = await db
    .insert(users)
    .values(Array.from({ length: userCount }, (_, i) => ({ email: `rt${i + 1}@bench.example`, firstName: "Bench", lastName: `User ${i + 1}`, role: "normal" as const, locale: "en" as const, passwordHash })))
    .returning({ id: users.id, email: users.email });
  await db.insert(groupMembers).values(userRows.map((u, i) => ({ userId: u.id, groupId: groupRows[i % groupRows.length].id })));
  const [editor] = await db.insert(users).values({ email: "rt-editor@bench.example", firstName: "Bench", lastName: "Editor", role: "admin", locale: "en" }).returning();
  const actor: Actor = { id: editor.id, email: editor.email, firstName: editor.firstName, lastName: editor.lastName, role: "admin", locale: "en", groupIds: [] };
  const [crmModule] = await db.insert(modules).values({ name: "Sales HU" }).returning({ id: modules.id });
  const statusRows = await db
    .insert(statuses)
    .values(
      (["New lead", "Qualify", "Offer sent", "Won", "Lost"] as const).map((name, position) => ({
        moduleId: crmModule.id,
        name,
        position,
        group: name === "Won" ? ("won" as const) : name === "Lost" ? ("lost" as const) : ("open" as const),
      })),
    )
    .returning({ id: statuses.id });
  // One card per event (warm-up included), owned round-robin by the users, so a receipt names its event.
  const cardRows = await db
    .insert(cards)
    .values(
      Array.from({ length: warmupEvents + eventCount }, (_, i) => ({
        moduleId: crmModule.id,
        statusId: statusRows[i % 3].id,
        ownerId: userRows[i % userRows.length].id,
        name: `Bench deal ${i + 1}`,
        searchText: `bench deal ${i + 1}`,
        createdById: editor.id,
        createdAt: seedNow,
      })),
    )
    .returning({ id: cards.id, name: cards.name });
  log(`Seeded 1 module, ${userCount} users (${perUser} sockets each), ${cardRows.length} cards.`);

  // ---- Server and logins -------------------------------------------------------------------
  ensureBuild({ rebuild: args.includes("--rebuild"), log });
  const profileDir = args.includes("--cpu-prof") ? mkdtempSync(path.join(tmpdir(), "crm-benchrt-prof-")) : undefined;
  app = await startServer(benchUrl, [...probeArgs, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])]);
  if (profileDir) log(`The server's processes write CPU profiles into ${profileDir} when they exit.`);
  const serverPid = childPid("server.ts");
  log(`Server up at ${app.base} (pid ${serverPid}).`);
  const cookies: string[] = [];
  for (const u of userRows) cookies.push(await login(app.base, u.email, password));
  log(`Logged in ${cookies.length} users.`);

  // A few sockets through the whole path first, so lazily loaded server code is not counted per connection.
  await warmupSockets(app.base, cookies[0], 4 * availableParallelism());
  await sleep(2000);
  const memBefore = await serverProbe(app, serverPid);

  // ---- Clients ----------------------------------------------------------------------------
  const socketCookies = Array.from({ length: clientCount }, (_, i) => cookies[Math.floor(i / perUser)]);
  for (let w = 0; w < clientProcessCount; w++) {
    clientProcesses.push(fork(path.resolve("scripts/bench-realtime-clients.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  }
  const shares = clientProcesses.map((_, w) => socketCookies.filter((_, i) => i % clientProcessCount === w));
  const connectStarted = performance.now();
  const connectReplies = await Promise.all(
    clientProcesses.map((w, i) => ask(w, { type: "connect", url: app!.base, cookies: shares[i], moduleId: crmModule.id, concurrency: 25 }, "connected")),
  );
  const connected = connectReplies.reduce((n, r) => n + r.connected, 0);
  const failed = connectReplies.reduce((n, r) => n + r.failed, 0);
  log(`Connected ${connected} sockets in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s${failed ? `; ${failed} failed: ${connectReplies.flatMap((r) => r.errors).join(", ")}` : ""}.`);
  if (connected === 0) throw new Error("No socket could connect.");
  await sleep(5000);
  const memAfter = await serverProbe(app, serverPid);
  const perConn = (bytes: number) => bytes / connected / 1024;
  // What the connections retain: V8 heap + external buffers after a full GC. RSS is shown too, but it
  // moves by tens of MB on an idle server as V8 resizes its heap and malloc trims (seen: −46 KB/conn).
  const kbPerConn = perConn(memAfter.heapUsed + memAfter.external - memBefore.heapUsed - memBefore.external);
  const rssPerConn = perConn(memAfter.rss - memBefore.rss);
  log(
    `Server memory (${memAfter.processes} process(es), after a full GC): heap used + external ${mb(memBefore.heapUsed + memBefore.external)} → ` +
      `${mb(memAfter.heapUsed + memAfter.external)} MB, RSS ${mb(memBefore.rss)} → ${mb(memAfter.rss)} MB.`,
  );

  // ---- Publisher: a second instance on the same database, through the adapter -------------
  process.env.DATABASE_URL = benchUrl; // configureAdapter picks the PostgreSQL adapter from it
  const io = new Server();
  publisher = { io, closeAdapter: await configureAdapter(io) };
  (globalThis as unknown as { __crmIo?: Server }).__crmIo = io; // what publishCardChanges sends through
  const sent = new Map<string, { verbAt: number; publishAt: number; doneAt: number }>();
  const publish = async (card: { id: string; name: string }) => {
    const verbAt = now();
    const result = await updateCard({ actor, db, now: new Date() }, { cardId: card.id, version: 1, name: `${card.name} (edited)` });
    const publishAt = now();
    await announceCardChange(db, "card.changed", result, [result.previousOwnerId]);
    sent.set(card.id, { verbAt, publishAt, doneAt: now() });
  };
  const warmup = cardRows.slice(0, warmupEvents);
  const measured = cardRows.slice(warmupEvents);
  for (const card of warmup) {
    await publish(card);
    await sleep(100);
  }
  await waitForDeliveries(warmupEvents * connected, 10_000);
  log(`Warm-up: ${warmupEvents} events delivered. Publishing ${eventCount} events at ${rate}/s for ${seconds} s…`);

  await serverProbe(app, serverPid); // starts the server's event-loop delay window (after its GC)
  await sleep(300);
  for (const w of clientProcesses) w.send({ type: "mark" } satisfies ClientProcessCommand);
  const machineBefore = machineCpu();
  const benchCpuBefore = serverTree(process.pid).cpuMs; // this script, the server, the client processes
  const cpuBefore = serverTree(serverPid).cpuMs; // startServer's cpuMs() would miss cluster workers
  const selfCpuBefore = process.cpuUsage();
  const windowStarted = performance.now();
  let behind = 0;
  for (const [i, card] of measured.entries()) {
    const due = windowStarted + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -5) behind++;
    await publish(card);
  }
  const windowMs = Math.max(performance.now() - windowStarted, (eventCount * 1000) / rate);
  const serverCpuPct = ((serverTree(serverPid).cpuMs - cpuBefore) / windowMs) * 100;
  const machine = machineCpu();
  const machineBusyPct = ((machine.busy - machineBefore.busy) / (machine.total - machineBefore.total)) * 100;
  // Jiffies are 10 ms per core: what the machine did beyond this benchmark's own processes.
  const otherWorkPct = Math.max(0, ((machine.busy - machineBefore.busy) * 10 - (serverTree(process.pid).cpuMs - benchCpuBefore)) / windowMs) * 100;
  const selfCpu = process.cpuUsage(selfCpuBefore);
  const publisherCpuPct = ((selfCpu.user + selfCpu.system) / 1000 / windowMs) * 100;
  const drained = await waitForDeliveries((warmupEvents + eventCount) * connected, 10_000);
  const serverEld = (await serverProbe(app, serverPid)).eld;
  log(`Published ${sent.size - warmupEvents} events in ${(windowMs / 1000).toFixed(1)} s${behind ? ` (${behind} late: the verb took longer than the interval)` : ""}; ${drained ? "all delivered" : "gave up waiting after 10 s"}.`);

  // ---- Results ----------------------------------------------------------------------------
  const reports = await Promise.all(clientProcesses.map((w) => ask(w, { type: "report" }, "report")));
  const latency: number[] = [];
  const endToEnd: number[] = [];
  const publishCall: number[] = [];
  // Per event: when its first and its last socket heard it. A late first receipt points before the
  // fan-out (publish, adapter, server event loop); a wide spread points at the fan-out or the clients.
  const firstReceipt: number[] = [];
  const lastReceipt: number[] = [];
  let missed = 0;
  for (const card of measured) {
    const at = sent.get(card.id)!;
    publishCall.push(at.doneAt - at.publishAt);
    let got = 0;
    let first = Infinity;
    let last = -Infinity;
    for (const r of reports) {
      for (const t of r.receipts[card.id] ?? []) {
        latency.push(t - at.publishAt);
        endToEnd.push(t - at.verbAt);
        first = Math.min(first, t - at.publishAt);
        last = Math.max(last, t - at.publishAt);
        got++;
      }
    }
    if (got) {
      firstReceipt.push(first);
      lastReceipt.push(last);
    }
    missed += connected - got;
  }
  for (const list of [latency, endToEnd, publishCall, firstReceipt, lastReceipt]) list.sort((a, b) => a - b);
  const duplicates = reports.reduce((n, r) => n + r.duplicates, 0);
  const disconnects = reports.reduce((n, r) => n + r.disconnects, 0);
  const clientCpuMs = reports.map((r) => r.cpuMs);

  const row = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(44)} ${String(values.length).padStart(8)} ${[50, 90, 99].map((p) => percentile(values, p).toFixed(1).padStart(8)).join(" ")} ${(values.at(-1) ?? NaN).toFixed(1).padStart(8)}`,
    );
  console.log("");
  console.log(`${"latency (ms)".padEnd(44)} ${"samples".padStart(8)} ${"p50".padStart(8)} ${"p90".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)}`);
  row("announceCardChange call → client receipt", latency);
  row("updateCard start → client receipt", endToEnd);
  row("  per event: first socket to hear it", firstReceipt);
  row("  per event: last socket to hear it", lastReceipt);
  row("announceCardChange call duration", publishCall);
  console.log("");
  const p50 = percentile(latency, 50);
  const p99 = percentile(latency, 99);
  const over = (bad: boolean) => (bad ? "  OVER" : "");
  const lines: [string, string][] = [
    ["sockets connected / asked", `${connected} / ${clientCount} (${userCount} users, ${clientProcessCount} client processes)`],
    ["events × sockets (expected deliveries)", `${eventCount} × ${connected} = ${eventCount * connected}`],
    ["missed deliveries / duplicates / disconnects", `${missed} / ${duplicates} / ${disconnects}`],
    ["p99 delivery latency", `${p99.toFixed(1)} ms (target ≤ ${targets.p99Ms})${over(p99 > targets.p99Ms)}`],
    ["server memory per connection (heap + ext.)", `${kbPerConn.toFixed(1)} KB (target ≤ ${targets.kbPerConn})${over(kbPerConn > targets.kbPerConn)}`],
    ["  RSS per connection (noisy, see the log)", `${rssPerConn.toFixed(1)} KB`],
    ["server CPU during publishing", `${serverCpuPct.toFixed(1)} % of one core (all ${memAfter.processes} server processes)`],
    ["whole machine CPU busy (everything running)", `${machineBusyPct.toFixed(0)} % of ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`],
    ["  outside this bench (PostgreSQL too)", `${otherWorkPct.toFixed(0)} % of one core${otherWorkPct > 50 ? " (a busy machine: latency may suffer)" : ""}`],
    ["publisher (this process) CPU", `${publisherCpuPct.toFixed(1)} % of one core`],
    ["server event-loop delay p50 / p99 / max", `${serverEld.p50.toFixed(1)} / ${serverEld.p99.toFixed(1)} / ${serverEld.max.toFixed(1)} ms (while publishing)`],
    ["client processes CPU (whole run)", clientCpuMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")],
    ["client processes event-loop delay p99 / max", reports.map((r) => `${r.eld.p99.toFixed(1)} / ${r.eld.max.toFixed(1)} ms`).join(", ")],
  ];
  for (const [label, value] of lines) console.log(`${label.padEnd(44)} ${value}`);
  console.log("");

  await finish();
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      clients: connected,
      p50_ms: round(p50),
      p99_ms: round(p99),
      kb_per_conn: round(kbPerConn),
      rss_kb_per_conn: round(rssPerConn),
      cpu_pct: round(serverCpuPct),
      other_cpu_pct: Math.round(otherWorkPct),
      missed,
      events: eventCount,
      rate,
    }),
  );
} catch (error) {
  await finish();
  if (!interrupted) throw error; // else the main flow tripped over the teardown: the signal handler exits
}

/** Sends a command to a client process and resolves with its next message of the given type. */
function ask<T extends ClientProcessMessage["type"]>(child: ChildProcess, command: ClientProcessCommand, reply: T): Promise<Extract<ClientProcessMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ClientProcessMessage) => {
      if (message.type !== reply) return;
      cleanup();
      resolve(message as Extract<ClientProcessMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`A client process exited (${code}).`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(command);
  });
}

/** Polls the client processes until they hold `expected` receipts in all; false when `ms` ran out first. */
async function waitForDeliveries(expected: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) {
    const counts = await Promise.all(clientProcesses.map((w) => ask(w, { type: "count" }, "count")));
    if (counts.reduce((n, c) => n + c.received, 0) >= expected) return true;
  }
  return false;
}

/** Opens `count` sockets one after another (so a cluster's round-robin reaches every worker), then closes them. */
async function warmupSockets(base: string, cookie: string, count: number): Promise<void> {
  const sockets = [];
  try {
    for (let i = 0; i < count; i++) {
      const socket = connectClient(base, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
    }
  } finally {
    for (const socket of sockets) socket.close();
  }
}

/** This process's child whose command line names `script` (startServer spawns node directly). */
function childPid(script: string): number {
  for (const { pid, ppid } of processes()) {
    try {
      if (ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(script)) return pid;
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`No child process running ${script}.`);
}

/** Every process on the machine with its parent and CPU time so far (user + system, clock ticks of 10 ms). */
function processes(): { pid: number; ppid: number; cpuMs: number }[] {
  const list: { pid: number; ppid: number; cpuMs: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      list.push({ pid: Number(entry), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // the process ended while we looked
    }
  }
  return list;
}

/**
 * The server and its descendants: server.ts may run as a cluster (a primary forking one worker per
 * core when DATABASE_URL is set), and then the sockets, CPU and memory are the workers'.
 */
function serverTree(root: number): { pids: number[]; cpuMs: number } {
  const all = processes();
  const tree = all.filter((p) => p.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
  return { pids: tree.map((p) => p.pid), cpuMs: tree.reduce((n, p) => n + p.cpuMs, 0) };
}

type Eld = { p50: number; p99: number; max: number };
type ProbeReport = NodeJS.MemoryUsage & { eld: Eld; pid: number };

/**
 * Signals the probe in every server process (full GC, memoryUsage, event-loop delay since the last
 * call) and sums them; RSS is read from /proc/<pid>/status after the GC. Bytes; worst process's delay.
 */
async function serverProbe(server: RunningServer, root: number): Promise<{ rss: number; heapUsed: number; external: number; eld: Eld; processes: number }> {
  // Only the node processes carrying the probe: tsx may have an esbuild service child (a Go binary,
  // which SIGUSR2 would kill).
  const pids = serverTree(root).pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(encodeURIComponent(probeMarker));
    } catch {
      return false; // ended while we looked
    }
  });
  const offset = server.output().length;
  for (const pid of pids) process.kill(pid, "SIGUSR2");
  for (const end = Date.now() + 15_000; Date.now() < end; await sleep(50)) {
    const reports = new Map<number, ProbeReport>();
    for (const part of server.output().slice(offset).split(probeMarker).slice(1)) {
      const report = JSON.parse(part.split("\n")[0]) as ProbeReport;
      reports.set(report.pid, report);
    }
    if (!pids.every((pid) => reports.has(pid))) continue;
    await sleep(500); // let freed pages go back to the OS before reading RSS
    let rss = 0;
    for (const pid of pids) {
      const vmRss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      rss += vmRss ? Number(vmRss[1]) * 1024 : reports.get(pid)!.rss;
    }
    const all = [...reports.values()];
    const sum = (key: "heapUsed" | "external") => all.reduce((n, r) => n + r[key], 0);
    const worst = (key: keyof Eld) => Math.max(...all.map((r) => r.eld[key]));
    return { rss, heapUsed: sum("heapUsed"), external: sum("external"), eld: { p50: worst("p50"), p99: worst("p99"), max: worst("max") }, processes: pids.length };
  }
  throw new Error("The server's probe did not answer.");
}

/** Jiffies the machine's CPUs spent busy and in all, from /proc/stat (other people's work included). */
function machineCpu(): { busy: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Stops everything this script started and drops its database; every caller waits for the one teardown. */
function finish(): Promise<void> {
  finishing ??= teardown();
  return finishing;
}

async function teardown(): Promise<void> {
  for (const w of clientProcesses) {
    if (w.connected) w.send({ type: "close" } satisfies ClientProcessCommand);
  }
  await Promise.all(
    clientProcesses.map((w) => {
      if (w.exitCode !== null || w.signalCode !== null) return undefined;
      const force = setTimeout(() => w.kill("SIGKILL"), 5000);
      return new Promise((resolve) => w.once("exit", resolve)).finally(() => clearTimeout(force));
    }),
  );
  const closePublisher = async () => {
    // Its adapter closes first; then close() throws on the engine a server without an HTTP server never had.
    await publisher?.io.close().catch(() => undefined);
    await publisher?.closeAdapter();
  };
  await Promise.allSettled([closePublisher(), app?.stop(), connection?.close()]);
  publisher = undefined;
  app = undefined;
  connection = undefined;
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  log(`Dropped database ${dbName}.`);
  await admin.end();
}
