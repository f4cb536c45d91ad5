// `npm test`: typecheck, lint, unit/integration tests (vitest), a production build, then e2e (Playwright).
// Every step runs even if an earlier one failed; the summary at the end says which passed.
import { spawn, spawnSync } from "node:child_process";
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

/** Like run, for steps that run side by side: each output line carries the step's name. */
function runAsync(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const tag = `[${name.replace(/^.*\(|\)$/g, "")}] `;
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = "";
      stream.on("data", (chunk) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop();
        for (const line of lines) out.write(tag + line + "\n");
      });
      stream.on("end", () => rest && out.write(tag + rest + "\n"));
    }
    child.on("close", (status) => {
      results.push({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      resolve(status === 0);
    });
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
  // One Playwright per database, side by side: each has its own servers and database, and inside each
  // the stories still run one at a time (they share that database's users and test clock).
  const databases = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const ports = { E2E_PORT_PGLITE: String(await freePort()), E2E_PORT_POSTGRES: String(await freePort()), E2E_PORT_POSTGRES_2: String(await freePort()) };
  const runs = await Promise.all(
    databases.map((db) => {
      const json = path.join(reports, `playwright-${db}.json`);
      return runAsync(`e2e (playwright, ${db})`, "npx", ["playwright", "test", "--reporter=list,json"], { ...ports, E2E_DATABASE: db, PLAYWRIGHT_JSON_OUTPUT_NAME: json }).then(() => json);
    }),
  );
  for (const json of runs) {
    const stats = readJson(json)?.stats;
    if (stats) {
      passed += stats.expected;
      failed += stats.unexpected + stats.flaky;
      skipped += stats.skipped;
    } else failed += 1;
  }
}

rmSync(reports, { recursive: true, force: true });
console.log("\n━━ Summary");
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.name} (${r.seconds} s)`);
const allOk = results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(allOk && failed === 0 ? 0 : 1);
