/**
 * A job runner as a process of its own: `node --import tsx lib/jobs/run-worker.ts` with
 * DATABASE_URL set runs due jobs until SIGTERM/SIGINT (then finishes the jobs in flight). The web
 * server embeds the same runner; this is for a dedicated worker and for the kill -9 test.
 * JOB_LEASE_MS and JOB_CONCURRENCY override the defaults.
 */
import { openDb } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { jobHandlers } from "./handlers";
import { JobRunner } from "./job-runner";

const conn = await openDb(process.env.DATABASE_URL);
const runner = new JobRunner({
  db: conn.db,
  clock: systemClock,
  handlers: jobHandlers,
  leaseMs: process.env.JOB_LEASE_MS ? Number(process.env.JOB_LEASE_MS) : undefined,
  concurrency: process.env.JOB_CONCURRENCY ? Number(process.env.JOB_CONCURRENCY) : undefined,
});
runner.start();
console.log(`job runner ${runner.runnerId} started`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: job runner stopping`);
  await runner.stop();
  await conn.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
