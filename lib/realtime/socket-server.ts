import type { Server as HttpServer } from "node:http";
import { decode } from "next-auth/jwt";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { isAllowedOrigin, originPolicyFromEnv, type OriginPolicy } from "@/lib/security/origin";
import { usesClusterAdapter } from "./adapter";
import { rooms, roomsForActor } from "./rooms";

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

type SocketData = { actor: Actor; watching?: string };
export type PresenceUser = { id: string; name: string };

const globalForIo = globalThis as unknown as { __crmIo?: Server };
/** Between instances: "close your connections of these users" (see reconnectUsers). */
const reconnectUsersEvent = "crm:reconnect-users";

/** Who is looking at a card right now, across every instance, each user once. */
async function presenceOf(io: Server, cardId: string): Promise<PresenceUser[]> {
  const sockets = await io.in(rooms.card(cardId)).fetchSockets();
  const users = new Map<string, PresenceUser>();
  for (const s of sockets) {
    const { actor } = s.data as SocketData;
    users.set(actor.id, { id: actor.id, name: `${actor.lastName} ${actor.firstName}`.trim() || actor.email });
  }
  return [...users.values()];
}

async function announcePresence(io: Server, cardId: string) {
  io.to(rooms.card(cardId)).emit("crm:presence", { cardId, users: await presenceOf(io, cardId) });
}

export function attachSocketServer(httpServer: HttpServer, originPolicy: OriginPolicy = originPolicyFromEnv()): Server {
  const io = new Server(httpServer, {
    serveClient: false,
    // A page of another origin must not open a socket with the user's cookie (it would receive their change events).
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req.headers, originPolicy)),
  });
  io.use(async (socket, next) => {
    const actor = await actorFromHandshake(socket.handshake.headers.cookie).catch(() => null);
    if (!actor) return next(new Error("unauthenticated"));
    (socket.data as SocketData).actor = actor;
    next();
  });
  io.on(reconnectUsersEvent, (userIds: string[]) => closeLocalConnections(io, userIds));
  io.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    void socket.join(roomsForActor(data.actor));

    // Presence on a card page: joined only after the same visibility check as the page itself.
    socket.on("card:watch", async (raw: unknown) => {
      const cardId = z.uuid().safeParse(raw);
      if (!cardId.success) return;
      const visible = await getVisibleCardOrThrow(await getDb(), data.actor, cardId.data).then(() => true, () => false);
      if (!visible) return;
      if (data.watching) await leaveCard(io, socket, data.watching);
      data.watching = cardId.data;
      await socket.join(rooms.card(cardId.data));
      await announcePresence(io, cardId.data);
    });
    socket.on("card:unwatch", async () => {
      if (data.watching) await leaveCard(io, socket, data.watching);
      data.watching = undefined;
    });
    socket.on("disconnect", () => {
      if (data.watching) void announcePresence(io, data.watching);
    });
  });
  globalForIo.__crmIo = io;
  return io;
}

async function leaveCard(io: Server, socket: Socket, cardId: string) {
  await socket.leave(rooms.card(cardId));
  await announcePresence(io, cardId);
}

/** Ends every live connection of a user whose sessions were just voided (deactivated, role or password changed). */
export function disconnectUser(userId: string): void {
  globalForIo.__crmIo?.in(rooms.user(userId)).disconnectSockets(true);
}

function closeLocalConnections(io: Server, userIds: string[]) {
  const ids = new Set(userIds);
  for (const socket of io.of("/").sockets.values()) {
    if (ids.has((socket.data as SocketData).actor.id)) socket.conn.close();
  }
}

/**
 * Makes these users' browsers reconnect, on every instance, so the handshake loads their current
 * groups and joins the right rooms: for changes that keep their session valid (group membership).
 * It closes the transport instead of sending a Socket.IO disconnect, after which a client would stay
 * offline; the client reconnects by itself, and LiveRefresh then refetches what they gained or lost.
 */
export function reconnectUsers(userIds: string[]): void {
  const io = globalForIo.__crmIo;
  if (!io || userIds.length === 0) return;
  closeLocalConnections(io, userIds);
  if (usesClusterAdapter(io)) io.serverSideEmit(reconnectUsersEvent, userIds);
}
