// Starts the production server for one e2e project on a fresh database, and removes that database
// when Playwright stops it. Usage: node scripts/e2e-server.mjs pglite|postgres
import { spawn } from "node:child_process";
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
  database = `crm_e2e_${process.pid}`;
  await admin.unsafe(`create database "${database}"`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
}

const server = spawn("node", ["--import", "tsx", "server.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e", // a second checkout of the suite can build elsewhere
    CRM_TEST_MODE: "1",
    DATA_DIR: dataDir,
    PORT: port,
    HOST: "127.0.0.1",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
  },
});

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(dataDir, { recursive: true, force: true });
  if (admin) {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end();
  }
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  await cleanUp();
  process.exit(code ?? 0);
});
