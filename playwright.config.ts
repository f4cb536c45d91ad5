import { defineConfig, type Project } from "@playwright/test";

import { existsSync } from "node:fs";

// Debian's Chromium: browser downloads are impossible here, so never `playwright install`. Its headless
// shell (Debian's chromium-headless-shell, the build Playwright itself runs headless) when installed: the
// same engine without the desktop browser around it, half the CPU per story on two cores.
const headlessShell = "/usr/bin/chromium-headless-shell";
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium"),
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
// One story at a time per database (`workers: 1` per project): a database's stories share its users and
// its server's test clock, so two of its files at once would race. The databases share nothing (each has
// its own server, clock and data), so their projects run side by side, one worker each.
// Stories that measure the machine's load (the 500-change burst counts refetches against elapsed time)
// run last, alone: each database's after both databases' other stories, one database after the other.
// (Like any dependent project, they are skipped when a story before them failed.)
const alone = [/live-resilience\.spec\.ts/];
const notOn: Record<Db, RegExp[]> = { pglite: [/first-run\.spec\.ts/, /live-instances\.spec\.ts/, /database-outage\.spec\.ts/], postgres: [/first-run\.spec\.ts/] };
const use = (db: Db) => ({ baseURL: baseURL(db), launchOptions });
const projects: Project[] = [
  ...databases.flatMap((db) => [
    { name: `${db}-setup`, testMatch: /first-run\.spec\.ts/, workers: 1, use: use(db) },
    { name: db, testIgnore: [...notOn[db], ...alone], dependencies: [`${db}-setup`], workers: 1, use: use(db) },
  ]),
  ...databases.map((db, i) => ({
    name: `${db}-alone`,
    testMatch: alone,
    dependencies: i === 0 ? databases : [`${databases[i - 1]}-alone`],
    workers: 1,
    use: use(db),
  })),
];

export default defineConfig({
  testDir: "e2e",
  // Stories are whole journeys (eight modules set up through the UI, a card's life on the board), and the two
  // databases' projects share two cores: a minute was too little for the longest under that load.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One worker per database (see `projects`).
  workers: databases.length,
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  // No trace by default: recording one costs a quarter of the suite's CPU. `--trace retain-on-failure` when debugging.
  use: { trace: "off", screenshot: "only-on-failure", locale: "en-GB" },
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
