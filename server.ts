import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { closeDb, dataDir, getConnection } from "@/db/client";
import { analyzeSettingsTables, migrateDb } from "@/db/migrate";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { systemClock } from "@/lib/clock";
import { jobHandlers } from "@/lib/jobs/handlers";
import { JobRunner } from "@/lib/jobs/job-runner";
import { configureAdapter } from "@/lib/realtime/adapter";
import { DeadlineClock } from "@/lib/realtime/deadline-clock";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { securityHeadersFor } from "@/lib/security/headers";
import { originPolicyFromEnv } from "@/lib/security/origin";
import { admitRequest } from "@/lib/security/request-guard";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
// Behind a reverse proxy, trust its X-Forwarded-For for the client address (login throttling).
const trustProxy = process.env.TRUST_PROXY === "1";

/**
 * How many server processes share the port. One Node process renders pages on one core; with
 * PostgreSQL, one per core (each a full instance: pages, sockets, its own deadline clock; events
 * cross between them through the Socket.IO adapter). The embedded PGlite lives inside one process,
 * and test mode's clock too, so those run one.
 */
function workerCount(): number {
  if (dev || !process.env.DATABASE_URL || process.env.CRM_TEST_MODE === "1") return 1;
  const configured = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : availableParallelism();
}

if (cluster.isPrimary) {
  ensureAuthSecret(dataDir()); // before forking: the workers inherit the environment
  process.env.AUTH_TRUST_HOST ??= "true";
  const { db } = await getConnection();
  await migrateDb(db);
  await analyzeSettingsTables(db);
}

const workers = workerCount();
if (cluster.isPrimary && workers > 1) {
  await closeDb();
  superviseWorkers(workers);
} else {
  await serve();
}

/** The primary only forks, replaces a worker that crashed, and passes shutdown signals on. */
function superviseWorkers(count: number) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  console.log(`CRM: ${count} worker processes on port ${port}`);
}

async function serve() {
  const connection = await getConnection();
  const { default: next } = await import("next"); // not in the primary, which only forks
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const originPolicy = originPolicyFromEnv();
  const httpServer = createServer((req, res) => {
    const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
    req.headers["x-crm-client-ip"] = forwarded || req.socket.remoteAddress || "";
    // On every response; pages get their Content-Security-Policy from proxy.ts.
    for (const [name, value] of Object.entries(securityHeadersFor(req.headers, req.url ?? "/"))) res.setHeader(name, value);
    // Foreign-origin and oversized server actions are answered here (403, 413), before Next reads them.
    admitRequest(req, res, originPolicy).then(
      (admitted) => void (admitted && handle(admitted, res)),
      () => req.destroy(), // the client went away mid-body
    );
  });
  const io = attachSocketServer(httpServer, originPolicy);
  const closeAdapter = await configureAdapter(io);
  const deadlineClock = new DeadlineClock(io, connection.db, systemClock);
  deadlineClock.start();
  // One job runner per process (emails, bulk batches, later automations): with several workers on
  // PostgreSQL they race for due jobs, and `for update skip locked` gives each job to one of them.
  const jobRunner = new JobRunner({ db: connection.db, clock: systemClock, handlers: jobHandlers });
  jobRunner.start();

  httpServer.listen(port, hostname, () => {
    if (cluster.isWorker && cluster.worker?.id !== 1) return;
    console.log(`CRM ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${connection.kind}${dev ? ", dev" : ""})`);
  });

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    deadlineClock.stop();
    const jobsStopped = jobRunner.stop(); // no new claims; the jobs in flight write their outcomes
    await new Promise<void>((resolve) => {
      io.close(); // disconnects sockets and closes the HTTP server (stops accepting)
      httpServer.close(() => resolve());
      httpServer.closeIdleConnections();
    });
    await jobsStopped;
    await app.close?.();
    await closeAdapter();
    await closeDb();
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
