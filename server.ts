import { createServer } from "node:http";
import next from "next";
import { closeDb, dataDir, getConnection } from "@/db/client";
import { analyzeSettingsTables, migrateDb } from "@/db/migrate";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { systemClock } from "@/lib/clock";
import { configureAdapter } from "@/lib/realtime/adapter";
import { DeadlineClock } from "@/lib/realtime/deadline-clock";
import { attachSocketServer } from "@/lib/realtime/socket-server";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
// Behind a reverse proxy, trust its X-Forwarded-For for the client address (login throttling).
const trustProxy = process.env.TRUST_PROXY === "1";

ensureAuthSecret(dataDir());
process.env.AUTH_TRUST_HOST ??= "true";

const connection = await getConnection();
await migrateDb(connection.db);
await analyzeSettingsTables(connection.db);

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const httpServer = createServer((req, res) => {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
  req.headers["x-crm-client-ip"] = forwarded || req.socket.remoteAddress || "";
  void handle(req, res);
});
const io = attachSocketServer(httpServer);
const closeAdapter = await configureAdapter(io);
const deadlineClock = new DeadlineClock(io, connection.db, systemClock);
deadlineClock.start();

httpServer.listen(port, hostname, () => {
  console.log(`CRM ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${connection.kind}${dev ? ", dev" : ""})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  const forceExit = setTimeout(() => process.exit(1), 10_000);
  forceExit.unref();
  deadlineClock.stop();
  await new Promise<void>((resolve) => {
    io.close(); // disconnects sockets and closes the HTTP server (stops accepting)
    httpServer.close(() => resolve());
    httpServer.closeIdleConnections();
  });
  await app.close?.();
  await closeAdapter();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
