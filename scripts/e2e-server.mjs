// Starts the production server for one e2e project on a fresh database, and removes that database
// when Playwright stops it. Usage: node scripts/e2e-server.mjs pglite|postgres
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const kind = process.argv[2];
const port = kind === "postgres" ? process.env.E2E_PORT_POSTGRES : process.env.E2E_PORT_PGLITE;
const dataDir = path.join(tmpdir(), `crm-e2e-${kind}-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });

let databaseUrl;
let admin;
let database;
if (kind === "postgres") {
  admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  database = process.env.E2E_POSTGRES_DATABASE ?? `crm_e2e_${process.pid}`; // named by playwright.config.ts
  await admin.unsafe(`create database "${database}"`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
}

// With PostgreSQL, a second instance on the same database (E2E_PORT_POSTGRES_2) lets stories cross
// instances through the Socket.IO adapter; both share one AUTH_SECRET, as production instances must.
const secondPort = kind === "postgres" ? process.env.E2E_PORT_POSTGRES_2 : undefined;
const authSecret = randomBytes(32).toString("base64url");
const start = (listenPort, dir) =>
  spawn("node", ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e", // a second checkout of the suite can build elsewhere
      CRM_TEST_MODE: "1",
      DATA_DIR: dir,
      AUTH_SECRET: authSecret,
      PORT: listenPort,
      HOST: "127.0.0.1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
    },
  });

const server = start(port, dataDir);
const servers = [server];
if (secondPort) {
  // After the first is up: it has migrated the database, which the second then finds done.
  void (async () => {
    for (let i = 0; i < 240 && server.exitCode === null; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false);
      if (up) {
        servers.push(start(secondPort, `${dataDir}-2`));
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
}

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  for (const dir of [dataDir, `${dataDir}-2`]) rmSync(dir, { recursive: true, force: true });
  if (admin) {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end();
  }
}

const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r)));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => servers.forEach((s) => s.kill(signal)));
server.on("exit", async (code) => {
  for (const s of servers.slice(1)) s.kill("SIGTERM");
  await Promise.all(servers.map(exited));
  await cleanUp();
  process.exit(code ?? 0);
});
