/**
 * A client process for `npm run bench:realtime` (forked by scripts/bench-realtime.ts, never run by
 * hand): opens its share of the Socket.IO connections the way a browser tab does
 * (components/live/live-provider.tsx: one connection per tab, WebSocket only, authenticated by the
 * session cookie, listening to "crm:change"), and timestamps every change event of the bench module.
 * Talks to the parent over the IPC channel only; times are wall-clock milliseconds from
 * performance.timeOrigin + performance.now(), comparable with the parent's on the same machine.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ChangeEvent } from "@/lib/realtime/publish";

export type ClientProcessCommand =
  | { type: "connect"; url: string; cookies: string[]; moduleId: string; concurrency: number }
  | { type: "count" }
  /** Starts the event-loop delay window reported with the results. */
  | { type: "mark" }
  | { type: "report" }
  | { type: "close" };

export type ClientProcessMessage =
  | { type: "connected"; connected: number; failed: number; errors: string[]; ms: number }
  | { type: "count"; received: number }
  | {
      type: "report";
      /** cardId → receipt times of the first delivery to each socket. */
      receipts: Record<string, number[]>;
      duplicates: number;
      disconnects: number;
      cpuMs: number;
      /** Event-loop delay since "mark", in ms beyond the 10 ms sampling interval. */
      eld: { p99: number; max: number };
    };

const now = () => performance.timeOrigin + performance.now();
const send = (message: ClientProcessMessage) => process.send?.(message);

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const lag = (ns: number) => Math.max(0, ns / 1e6 - 10);

const sockets: Socket[] = [];
const receipts = new Map<string, { times: number[]; seen: Uint8Array }>();
let received = 0;
let duplicates = 0;
let disconnects = 0;
let socketCount = 0;

function connectOne(url: string, cookie: string, index: number, moduleId: string): Promise<string | null> {
  return new Promise((resolve) => {
    // forceNew: without it socket.io-client multiplexes every io(url) over one shared connection.
    const socket = io(url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false, timeout: 60_000 });
    sockets.push(socket);
    socket.on("crm:change", (event: ChangeEvent) => {
      const at = now();
      if (event.moduleId !== moduleId || !event.cardId) return;
      let entry = receipts.get(event.cardId);
      if (!entry) receipts.set(event.cardId, (entry = { times: [], seen: new Uint8Array(socketCount) }));
      if (entry.seen[index]) {
        duplicates++;
        return;
      }
      entry.seen[index] = 1;
      entry.times.push(at);
      received++;
    });
    socket.once("connect", () => resolve(null));
    socket.once("connect_error", (error) => resolve(error.message));
    socket.on("disconnect", () => disconnects++);
  });
}

async function connectAll({ url, cookies, moduleId, concurrency }: Extract<ClientProcessCommand, { type: "connect" }>) {
  const started = performance.now();
  socketCount = cookies.length;
  const errors: string[] = [];
  let next = 0;
  let connected = 0;
  const lane = async () => {
    while (next < cookies.length) {
      const index = next++;
      const error = await connectOne(url, cookies[index], index, moduleId);
      if (error) errors.push(error);
      else connected++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cookies.length) }, lane));
  send({ type: "connected", connected, failed: errors.length, errors: [...new Set(errors)].slice(0, 5), ms: performance.now() - started });
}

process.on("message", (command: ClientProcessCommand) => {
  switch (command.type) {
    case "connect":
      void connectAll(command);
      break;
    case "count":
      send({ type: "count", received });
      break;
    case "mark":
      loopDelay.reset();
      break;
    case "report": {
      const cpu = process.cpuUsage();
      send({
        type: "report",
        receipts: Object.fromEntries([...receipts].map(([cardId, r]) => [cardId, r.times])),
        duplicates,
        disconnects,
        cpuMs: (cpu.user + cpu.system) / 1000,
        eld: { p99: lag(loopDelay.percentile(99)), max: lag(loopDelay.max) },
      });
      break;
    }
    case "close":
      for (const s of sockets) s.close();
      process.disconnect?.();
      setTimeout(() => process.exit(0), 200).unref();
      break;
  }
});
// The parent went away (Ctrl-C, crash): do not linger with open sockets.
process.on("disconnect", () => process.exit(0));
