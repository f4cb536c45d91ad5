import type { Server } from "socket.io";
import { afterEach, describe, expect, it, vi } from "vitest";
import { changeEventName } from "@/lib/realtime/publish";
import { publishBulkProgress } from "./publish-progress";

/** A stand-in for the Socket.IO server that only records what would be broadcast. */
function recordingIo() {
  const sent: unknown[] = [];
  return { io: { emit: (name: string, event: unknown) => sent.push([name, event]) } as unknown as Server, sent };
}

describe("bulk.progress events", () => {
  afterEach(() => vi.useRealTimers());

  it("carry ids only, at most 4 a second per run, and the last change always goes out", () => {
    vi.useFakeTimers({ now: new Date("2026-05-04T10:00:00Z") });
    const { io, sent } = recordingIo();
    const runId = crypto.randomUUID();
    for (let i = 0; i < 100; i++) publishBulkProgress("module-1", runId, { io });
    expect(sent).toEqual([[changeEventName, { kind: "bulk.progress", moduleId: "module-1", runId }]]);
    vi.advanceTimersByTime(250);
    expect(sent).toHaveLength(2); // the trailing event for the 99 changes in between
    for (let t = 0; t < 1000; t += 10) {
      publishBulkProgress("module-1", runId, { io });
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(500);
    expect(sent.length - 2).toBeGreaterThanOrEqual(4);
    expect(sent.length - 2).toBeLessThanOrEqual(5);
    // Another run is throttled on its own; `force` (a run started) goes out at once.
    publishBulkProgress("module-1", "other-run", { io });
    publishBulkProgress("module-1", runId, { io, force: true });
    expect(sent.slice(-2)).toEqual([
      [changeEventName, { kind: "bulk.progress", moduleId: "module-1", runId: "other-run" }],
      [changeEventName, { kind: "bulk.progress", moduleId: "module-1", runId }],
    ]);
  });
});
