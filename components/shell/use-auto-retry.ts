"use client";

import { useEffect } from "react";

/** How long an error page waits before fetching the page again by itself. */
export const autoRetrySeconds = 10;

/**
 * Most failures that reach an error page pass by themselves (the database restarting, a deploy), and
 * a live page may have failed in the background while nobody watched: so the page tries again every
 * few seconds while it is visible, and at once when the browser is back online.
 */
export function useAutoRetry(retry: () => void): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") retry();
    }, autoRetrySeconds * 1000);
    window.addEventListener("online", retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", retry);
    };
  }, [retry]);
}
