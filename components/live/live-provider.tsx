"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ChangeEvent } from "@/lib/realtime/publish";

type Received = { event: ChangeEvent; at: number };
type Live = { socket: Socket | null; connected: boolean; recent: () => Received[] };
const LiveContext = createContext<Live>({ socket: null, connected: false, recent: () => [] });

/** How long events are kept for a page that mounts after they arrived (it was rendered on the server meanwhile). */
const keepMs = 5000;

/** One Socket.IO connection per tab, authenticated by the session cookie; reconnects by itself. */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const [live, setLive] = useState<Live>({ socket: null, connected: false, recent: () => [] });
  useEffect(() => {
    // WebSocket only: a long-polling session must reach the same process every time, which a server
    // running one worker per core (or several instances behind a proxy) cannot promise.
    const socket = io({ transports: ["websocket"], reconnectionDelayMax: 5000 });
    let received: Received[] = [];
    socket.on("crm:change", (event: ChangeEvent) => {
      const at = Date.now();
      received = [...received.filter((r) => at - r.at < keepMs), { event, at }];
    });
    const recent = () => received.filter((r) => Date.now() - r.at < keepMs);
    const update = () => setLive({ socket, connected: socket.connected, recent });
    socket.on("connect", update);
    socket.on("disconnect", update);
    socket.on("connect_error", update);
    update();
    return () => {
      socket.close();
    };
  }, []);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);

const storm = { events: 10, windowMs: 2000, delayMs: 2500 };

/** Calls `handler` for every change event this user may hear about. */
export function useLiveEvents(handler: (event: ChangeEvent) => void) {
  const { socket } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (event: ChangeEvent) => latest.current(event);
    socket.on("crm:change", listener);
    return () => {
      socket.off("crm:change", listener);
    };
  }, [socket]);
}

/**
 * Re-renders the current page's server components when a relevant change arrives — in place: client
 * state (scroll, open dialogs, half-typed forms) is kept. Events are coalesced: a refresh comes `wait`
 * ms after the first, and during a storm (more than 10 relevant events in 2 s, e.g. an import) at most
 * one every 2.5 s, so hundreds of changes cost a handful of refetches while everyday edits still show
 * within a second. Nothing slips between the server's render and this component listening: a page
 * opened by a client-side navigation looks at the events of the last few seconds, and the tab's first
 * connection (a full page load) and every reconnect refresh once.
 */
export function LiveRefresh({ moduleId, cardId, contactId, wait = 300 }: { moduleId?: string; cardId?: string; contactId?: string; wait?: number }) {
  const router = useRouter();
  const { socket, recent: received } = useLive();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const recent = useRef<number[]>([]);
  const live = useRef(socket);
  useEffect(() => {
    live.current = socket;
  });
  const schedule = () => {
    const now = Date.now();
    recent.current = [...recent.current.filter((t) => now - t < storm.windowMs), now].slice(-(storm.events + 1));
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        // Offline, a refetch would fail (and Next falls back to a full page load); the reconnect catches up instead.
        if (live.current?.connected) router.refresh();
      },
      recent.current.length > storm.events ? storm.delayMs : wait,
    );
  };
  const relevant = (event: ChangeEvent) =>
    event.kind === "day.changed" ||
    (!moduleId && !cardId && !contactId && event.kind !== "views.changed") ||
    (moduleId !== undefined && event.moduleId === moduleId) ||
    (cardId !== undefined && event.cardId === cardId) ||
    (contactId !== undefined && (event.contactId === contactId || event.kind.startsWith("card.")));
  useLiveEvents((event) => {
    if (relevant(event)) schedule();
  });
  useEffect(() => {
    // Rendered on the server a moment ago: a change heard since may not be in it (a spare refetch at worst).
    if (received().some((r) => relevant(r.event))) schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when this page mounts
  }, []);
  useEffect(() => {
    if (!socket) return;
    socket.on("connect", schedule); // the first connection (after a full load) or a reconnect: catch up
    return () => {
      socket.off("connect", schedule);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- schedule only reads refs
  }, [socket]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return null;
}
