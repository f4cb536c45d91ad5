// `npm test`: typecheck, lint, unit/integration tests (vitest), a production build, then e2e (Playwright).
// Every step runs even if an earlier one failed; the summary at the end says which passed.
//
// Layout (the machine may have 2 cores): vitest runs while typecheck → lint → build run one after the
// other beside it (their output is held back and printed as each finishes, so it does not interleave with
// vitest's); e2e starts once both are done, alone, because some stories measure load (the live burst).
// Inside e2e the two databases' projects run side by side (playwright.config.ts).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "crm-test-reports-"));
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;
const suiteStarted = Date.now();

/**
 * Runs one step. With `quiet`, its output is collected and printed in one block when it ends (for steps
 * that run beside another); otherwise it streams.
 */
function run(name, command, args, { env = {}, quiet = false } = {}) {
  const header = `\n━━ ${name}: ${[command, ...args].join(" ")}`;
  if (!quiet) console.log(header);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    const output = [];
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(chunk));
    const done = (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (quiet) {
        process.stdout.write(`${header}\n${Buffer.concat(output).toString()}`);
        console.log(`━━ ${name}: ${status === 0 ? "passed" : "FAILED"} (${seconds} s)`);
      }
      results.push({ name, ok: status === 0, seconds });
      resolve(status === 0);
    };
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.stack}\n`));
      done(1);
    });
    child.on("close", (code) => done(code));
  });
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

const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
const vitestJson = path.join(reports, "vitest.json");

const [, built] = await Promise.all([
  run("unit + integration (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]),
  (async () => {
    await run("typecheck", "npx", ["tsc", "--noEmit"], { quiet: true });
    await run("lint", "npx", ["eslint", "--max-warnings=0", "."], { quiet: true });
    return run("build", "npx", ["next", "build"], { env: { NEXT_DIST_DIR: distDir }, quiet: true });
  })(),
]);

const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else failed += 1;

if (built) {
  const playwrightJson = path.join(reports, "playwright.json");
  await run("e2e (playwright)", "npx", ["playwright", "test", "--reporter=list,json"], {
    env: {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
      E2E_PORT_PGLITE: String(await freePort()),
      E2E_PORT_POSTGRES: String(await freePort()),
      E2E_PORT_POSTGRES_2: String(await freePort()),
    },
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
const order = ["typecheck", "lint", "unit + integration (vitest)", "build", "e2e (playwright)"];
results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name} (${r.seconds} s)`);
console.log(`total ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
const allOk = results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(allOk && failed === 0 ? 0 : 1);
