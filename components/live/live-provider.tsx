"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ChangeEvent } from "@/lib/realtime/publish";

type Live = { socket: Socket | null; connected: boolean };
const LiveContext = createContext<Live>({ socket: null, connected: false });

/** One Socket.IO connection per tab, authenticated by the session cookie; reconnects by itself. */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const [live, setLive] = useState<Live>({ socket: null, connected: false });
  useEffect(() => {
    // WebSocket only: a long-polling session must reach the same process every time, which a server
    // running one worker per core (or several instances behind a proxy) cannot promise.
    const socket = io({ transports: ["websocket"], reconnectionDelayMax: 5000 });
    const update = () => setLive({ socket, connected: socket.connected });
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
 * within a second. A reconnect refreshes once, so nothing missed while offline stays stale.
 */
export function LiveRefresh({ moduleId, cardId, contactId, wait = 300 }: { moduleId?: string; cardId?: string; contactId?: string; wait?: number }) {
  const router = useRouter();
  const { socket } = useLive();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const recent = useRef<number[]>([]);
  const schedule = () => {
    const now = Date.now();
    recent.current = [...recent.current.filter((t) => now - t < storm.windowMs), now].slice(-(storm.events + 1));
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        router.refresh();
      },
      recent.current.length > storm.events ? storm.delayMs : wait,
    );
  };
  useLiveEvents((event) => {
    const global = event.kind === "day.changed";
    const relevant =
      global ||
      (!moduleId && !cardId && !contactId) ||
      (moduleId !== undefined && event.moduleId === moduleId) ||
      (cardId !== undefined && event.cardId === cardId) ||
      (contactId !== undefined && (event.contactId === contactId || event.kind.startsWith("card.")));
    if (relevant) schedule();
  });
  useEffect(() => {
    if (!socket) return;
    let seen = socket.connected;
    const onConnect = () => {
      if (seen) schedule(); // a REconnect: catch up on what we missed
      seen = true;
    };
    socket.on("connect", onConnect);
    return () => {
      socket.off("connect", onConnect);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- schedule only reads refs
  }, [socket]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return null;
}
