/**
 * The SSR list page over HTTP: builds the app into .next-bench when needed, starts the real server
 * (node --import tsx server.ts, production) on a free port on 127.0.0.1 against the bench database,
 * logs in through Auth.js's credentials callback, then requests the page at a fixed concurrency.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// BENCH_DIST_DIR lets a second build (e.g. while profiling a change) sit beside the usual one.
const distDir = process.env.BENCH_DIST_DIR ?? ".next-bench";

export function ensureBuild({ rebuild, log }: { rebuild: boolean; log: (m: string) => void }): void {
  if (!rebuild && existsSync(path.join(distDir, "BUILD_ID"))) return;
  log(`Building the app into ${distDir} (next build)…`);
  // `next build` adds its dist folder's types to tsconfig.json; the bench build should not leave that behind.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const started = performance.now();
  const result = spawnSync("npx", ["next", "build"], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = { base: string; stop: () => Promise<void>; output: () => string; cpuMs: () => number };

/** CPU time (user + system) a process and its children (the server's workers) have used so far, from /proc (Linux; ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const stat = (p: string) => {
    try {
      return readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
    } catch {
      return null; // gone meanwhile
    }
  };
  const processes = readdirSync("/proc").filter((p) => p === String(pid) || (/^\d+$/.test(p) && Number(stat(p)?.[1]) === pid));
  return processes.reduce((sum, p) => {
    const fields = stat(p);
    return fields ? sum + (Number(fields[11]) + Number(fields[12])) * 10 : sum;
  }, 0);
}

/** `nodeArgs` go before the script, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] to profile the server. */
export async function startServer(databaseUrl: string, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "crm-bench-"));
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXT_DIST_DIR: distDir,
      DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${base}/api/auth/csrf`);
      if (res.ok) return { base, stop, output: () => output, cpuMs: () => processCpuMs(child.pid) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`The server did not answer within 180 s:\n${output}`);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Logs in through the real Auth.js credentials flow; returns the Cookie header of the session. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const all = [...jar, ...cookiesOf(res)];
  if (!all.some((c) => c.includes("session-token="))) throw new Error(`Login failed (${res.status} ${res.headers.get("location")})`);
  return all.join("; ");
}

/** `total` GETs of `url` at `concurrency`, each timed to the last byte; non-200 answers fail the run. */
export async function hammer(url: string, cookie: string, { total, concurrency }: { total: number; concurrency: number }): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status} (${res.headers.get("location") ?? body.slice(0, 200)})`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times.sort((a, b) => a - b);
}

export type LoadResult = { tool: string; requests: number; p50: number; p95: number; max: number };

const wrkReport = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK {\\"requests\\":%d,\\"failed\\":%d,\\"p50\\":%.3f,\\"p95\\":%.3f,\\"max\\":%.3f}\\n",
    summary.requests, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000))
end
`;

/**
 * Requests `url` from `concurrency` connections for `seconds`. With wrk (Debian's package) when it is
 * installed: a load generator written in C spends well under a millisecond of CPU per request, so on a
 * 2-core machine the server gets the CPU instead of Node's fetch (~8 ms of CPU per 300 KB page here).
 * Without wrk, Node's fetch does the same for a fixed number of requests.
 */
export async function load(url: string, cookie: string, { concurrency, seconds }: { concurrency: number; seconds: number }): Promise<LoadResult> {
  if (spawnSync("wrk", ["--version"]).error) {
    const times = await hammer(url, cookie, { total: concurrency * 20, concurrency });
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
    return { tool: "fetch", requests: times.length, p50: at(50), p95: at(95), max: times[times.length - 1] };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "crm-wrk-"));
  try {
    writeFileSync(path.join(dir, "report.lua"), wrkReport);
    const args = ["-t1", `-c${concurrency}`, `-d${seconds}s`, "-s", path.join(dir, "report.lua"), "-H", `Cookie: ${cookie}`, "-H", "Accept-Encoding: gzip, deflate, br", url];
    const run = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}:\n${out}`))));
    });
    const line = run.split("\n").find((l) => l.startsWith("WRK "));
    if (!line) throw new Error(`wrk printed no report:\n${run}`);
    const report = JSON.parse(line.slice(4)) as { requests: number; failed: number; p50: number; p95: number; max: number };
    if (report.failed > 0) throw new Error(`${report.failed} of ${report.requests} requests failed (wrk)`);
    // wrk counts a redirect as an answer; the session must still be good after the run.
    const check = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await check.arrayBuffer();
    if (check.status !== 200) throw new Error(`GET ${url} answered ${check.status} after the run`);
    return { tool: "wrk", ...report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
