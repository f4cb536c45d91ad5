// `npm test`: typecheck, lint, unit/integration tests (vitest), a production build, then e2e (Playwright).
// Every step runs even if an earlier one failed; the summary at the end says which passed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "crm-test-reports-"));
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds });
  return status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "--max-warnings=0", "."]);

const vitestJson = path.join(reports, "vitest.json");
run("unit + integration (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else failed += 1;

if (run("build", "npx", ["next", "build"], { NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e" })) {
  const playwrightJson = path.join(reports, "playwright.json");
  run("e2e (playwright)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    E2E_PORT_PGLITE: String(await freePort()),
    E2E_PORT_POSTGRES: String(await freePort()),
    E2E_PORT_POSTGRES_2: String(await freePort()),
  });
  const stats = readJson(playwrightJson)?.stats;
  if (stats) {
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    skipped += stats.skipped;
  } else failed += 1;
}

rmSync(reports, { recursive: true, force: true });
console.log("\n━━ Summary");
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name} (${r.seconds} s)`);
const allOk = results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(allOk && failed === 0 ? 0 : 1);
