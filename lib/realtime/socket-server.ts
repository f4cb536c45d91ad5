import type { Server as HttpServer } from "node:http";
import { decode } from "next-auth/jwt";
import { Server, type Socket } from "socket.io";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";

const sessionCookies = ["__Secure-authjs.session-token", "authjs.session-token"];

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
}

/** The user behind a socket's session cookie, with the same checks as an HTTP request. */
async function actorFromHandshake(cookieHeader: string | undefined): Promise<Actor | null> {
  for (const name of sessionCookies) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    const claims = await decode({ token, secret: process.env.AUTH_SECRET!, salt: name }).catch(() => null);
    if (typeof claims?.uid === "string" && typeof claims.sv === "number") {
      return loadSessionUser(await getDb(), claims.uid, claims.sv);
    }
  }
  return null;
}

export type CrmSocket = Socket & { data: { actor: Actor } };

const globalForIo = globalThis as unknown as { __crmIo?: Server };

export function attachSocketServer(httpServer: HttpServer): Server {
  const io = new Server(httpServer, { serveClient: false });
  io.use(async (socket, next) => {
    const actor = await actorFromHandshake(socket.handshake.headers.cookie).catch(() => null);
    if (!actor) return next(new Error("unauthenticated"));
    socket.data.actor = actor;
    next();
  });
  io.on("connection", (socket) => {
    void socket.join(userRoom((socket as CrmSocket).data.actor.id));
  });
  globalForIo.__crmIo = io;
  return io;
}

export const userRoom = (userId: string) => `user:${userId}`;

/** Ends every live connection of a user whose sessions were just voided (deactivated, role or password changed). */
export function disconnectUser(userId: string): void {
  globalForIo.__crmIo?.in(userRoom(userId)).disconnectSockets(true);
}
