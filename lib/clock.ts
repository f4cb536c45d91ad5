/**
 * The one clock of the app. Domain code takes `now` from the caller's context; this is where the
 * server's "now" comes from. Tests and e2e runs (only when NODE_ENV=test or CRM_TEST_MODE=1) may
 * shift it, so deadlines and midnight can be driven without waiting.
 */
export type Clock = { now(): Date };

const globalForClock = globalThis as unknown as { __crmClockOffsetMs?: number; __crmClockListeners?: Set<() => void> };

export const testClockEnabled = process.env.CRM_TEST_MODE === "1" || process.env.NODE_ENV === "test";

export const systemClock: Clock = {
  now: () => new Date(Date.now() + (testClockEnabled ? (globalForClock.__crmClockOffsetMs ?? 0) : 0)),
};

export function setTestClock(at: Date): void {
  if (!testClockEnabled) throw new Error("The test clock can only be set in test mode");
  globalForClock.__crmClockOffsetMs = at.getTime() - Date.now();
  for (const listener of globalForClock.__crmClockListeners ?? []) listener();
}

/** Timers that depend on "now" (the deadline clock) re-arm when a test moves the clock. */
export function onTestClockChange(listener: () => void): void {
  (globalForClock.__crmClockListeners ??= new Set()).add(listener);
}
