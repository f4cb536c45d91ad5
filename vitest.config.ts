import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const shared = {
  resolve: { alias: { "@": root } },
  test: {
    include: ["{lib,db,app,components,inngest,test}/**/*.test.{ts,tsx}"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
};

// Every test runs on embedded PGlite; with TEST_DATABASE_URL set, a second project runs the same tests on PostgreSQL.
export default defineConfig({
  test: {
    // More files at once than the two cores: a file often waits on its database or a child process, and
    // three workers fill that time (on two cores: 302 s → 236 s for the suite with four, CPU +15 %).
    maxWorkers: 3,
    projects: [
      { ...shared, test: { ...shared.test, name: "pglite", env: { CRM_TEST_DB: "pglite" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ ...shared, test: { ...shared.test, name: "postgres", env: { CRM_TEST_DB: "postgres" } } }]
        : []),
    ],
  },
});
