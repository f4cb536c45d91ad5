import { defineConfig, type Project } from "@playwright/test";

// Debian's Chromium: browser downloads are impossible here, so never `playwright install`.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

type Db = "pglite" | "postgres";
const databases: Db[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
const port = (db: Db) => Number(db === "postgres" ? (process.env.E2E_PORT_POSTGRES ?? 3311) : (process.env.E2E_PORT_PGLITE ?? 3310));
const baseURL = (db: Db) => `http://127.0.0.1:${port(db)}`;
// A second server on the PostgreSQL database (scripts/e2e-server.mjs), for the cross-instance story.
process.env.E2E_PORT_POSTGRES_2 ??= "3312";
process.env.E2E_SECOND_INSTANCE_URL = `http://127.0.0.1:${process.env.E2E_PORT_POSTGRES_2}`;

// The PostgreSQL stories' database (created and dropped by scripts/e2e-server.mjs): named here, where
// the runner, its workers and the servers all read it, so the outage story can take it away for a moment.
process.env.E2E_POSTGRES_DATABASE ??= `crm_e2e_${process.pid}`;

// Per database: first the first-run setup story (it creates the organisation), then every other story.
// Several instances share one database, and the database can go away, only on PostgreSQL (the embedded
// PGlite lives in the server's process).
const notOn: Record<Db, RegExp[]> = { pglite: [/first-run\.spec\.ts/, /live-instances\.spec\.ts/, /database-outage\.spec\.ts/], postgres: [/first-run\.spec\.ts/] };
const projects: Project[] = databases.flatMap((db) => [
  { name: `${db}-setup`, testMatch: /first-run\.spec\.ts/, use: { baseURL: baseURL(db), launchOptions } },
  { name: db, testIgnore: notOn[db], dependencies: [`${db}-setup`], use: { baseURL: baseURL(db), launchOptions } },
]);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One story at a time: stories share each database's users (and the test clock), so parallel files would race.
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure", locale: "en-GB" },
  projects,
  webServer: databases.map((db) => ({
    command: `node scripts/e2e-server.mjs ${db}`,
    url: `${baseURL(db)}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  })),
});
