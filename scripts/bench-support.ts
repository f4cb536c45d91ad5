import { spawn } from "node:child_process";
import postgres from "postgres";

/**
 * A benchmark's own PostgreSQL database, created on `serverUrl`'s server and dropped by `drop()`
 * (never one the benchmark did not create).
 */
export async function createBenchDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** The Resend stub (test/resend-stub.ts) in a child process, so its work does not share the measured event loop. */
export async function startResendStubProcess() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", `const { startResendStub } = await import(${JSON.stringify(new URL("../test/resend-stub.ts", import.meta.url).href)}); const s = await startResendStub(); console.log(s.url);`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", (code) => reject(new Error(`stub exited ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
