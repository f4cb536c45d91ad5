import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { configureAdapter } from "@/lib/realtime/adapter";
import type { ChangeEvent } from "@/lib/realtime/publish";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { testDbKind } from "@/test/db";

// The real socket server (cookie handshake, rooms from the database), reading this test's database.
const globals = globalThis as unknown as { __crmDb?: Promise<{ db: Db; close: () => Promise<void>; kind: string }>; __crmIo?: Server };
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

export type Browser = { socket: Socket; heard: ChangeEvent[]; disconnects: string[] };

/**
 * A socket server like server.ts starts, on a free port; with `databaseUrl`, joined to the other
 * instances on it. Start it in beforeAll: it takes over the process-wide socket server and database.
 */
export async function startInstance(db: Db, databaseUrl?: string) {
  globals.__crmDb = Promise.resolve({ db, close: async () => {}, kind: testDbKind });
  const http = createServer();
  const io = attachSocketServer(http);
  const closeAdapter = databaseUrl ? await configureAdapter(io) : async () => {};
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browsers: Socket[] = [];
  async function stop() {
    browsers.forEach((b) => b.close());
    await io.close();
    await closeAdapter();
    delete globals.__crmIo;
    delete globals.__crmDb;
  }

  /** A signed-in browser's connection: it reconnects by itself, as the app's client does. */
  async function signedInBrowser(actor: Actor): Promise<Browser> {
    const salt = "authjs.session-token";
    const token = await encode({ token: { uid: actor.id, sv: 1 }, secret: process.env.AUTH_SECRET!, salt });
    const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie: `${salt}=${token}` }, reconnectionDelay: 50, reconnectionDelayMax: 50 });
    browsers.push(socket);
    const browser: Browser = { socket, heard: [], disconnects: [] };
    socket.on("crm:change", (e: ChangeEvent) => browser.heard.push(e));
    socket.on("disconnect", (reason) => browser.disconnects.push(reason));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    return browser;
  }
  return { io, signedInBrowser, stop };
}

export const until = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (check()) return;
  throw new Error("timed out");
};
