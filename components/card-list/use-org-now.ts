"use client";

import { useEffect, useState } from "react";
import { dayBoundaries } from "@/lib/time/org-time";

const maxWaitMs = 60 * 60 * 1000;

/**
 * The server's "now", kept running in the browser: it starts at the render's time (so the first
 * render matches the server's HTML) and re-renders exactly when `deadline` passes and at the
 * organisation's midnight — a todo turns red the minute it is due, and "today" rolls over, with no reload.
 */
export function useOrgNow(serverNow: Date, timeZone: string, deadline?: Date | null): Date {
  const [now, setNow] = useState(serverNow);
  const serverMs = serverNow.getTime();
  const deadlineMs = deadline?.getTime() ?? null;
  useEffect(() => {
    const offset = serverMs - Date.now(); // the server's clock may differ (and is shifted in e2e runs)
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = new Date(Date.now() + offset);
      setNow(current);
      const targets = [dayBoundaries(current, timeZone).tomorrow.getTime()];
      if (deadlineMs !== null && deadlineMs > current.getTime()) targets.push(deadlineMs);
      timer = setTimeout(tick, Math.min(Math.max(Math.min(...targets) - current.getTime() + 50, 250), maxWaitMs));
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [serverMs, deadlineMs, timeZone]);
  return now;
}
