"use client";

import { useEffect, useState } from "react";

/**
 * The browser's clock, ticking every `intervalMs` — null until mounted, so the first render matches
 * the server's. Lets deadlines turn red (and "today" roll over) without a reload.
 */
export function useNow(intervalMs = 30_000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
