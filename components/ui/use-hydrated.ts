"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated this component in the browser, true after. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
