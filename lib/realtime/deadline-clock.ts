import { and, eq, gt, isNull, lte, min } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Db } from "@/db/client";
import { cards, todos } from "@/db/schema";
import { onTestClockChange, testClockEnabled, type Clock } from "@/lib/clock";
import { getOrganisation } from "@/lib/org/organisation";
import { nextMidnight } from "@/lib/time/org-time";
import { usesClusterAdapter } from "./adapter";
import { changeEventName, publishCardChanges } from "./publish";

/** Re-check at least this often: a safety net should another instance's "re-arm" message be lost. */
const maxSleepMs = 60_000;

const globalForClock = globalThis as unknown as { __crmDeadlineClock?: DeadlineClock };
/** Between instances: "todos changed, look at your next deadline again". */
const rearmEvent = "crm:rearm-deadline-clock";

/**
 * Keeps one timer for the next open-todo deadline and the organisation's next midnight. When a
 * deadline passes, every socket (of this instance only — each instance tells its own sockets, so
 * nothing arrives twice) that may see the card hears "todo.overdue"; at midnight everyone hears
 * "day.changed". State lives in the database, so a restart simply re-arms from it.
 */
export class DeadlineClock {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private checkedUpTo: Date;
  private running = false;
  private tickAgain = false;
  private stopped = false;

  constructor(
    private readonly io: Server,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.checkedUpTo = clock.now();
    globalForClock.__crmDeadlineClock = this;
    if (testClockEnabled) onTestClockChange(() => this.rearm());
    io.on(rearmEvent, () => this.rearm());
  }

  start() {
    void this.tick();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** A todo was created or its deadline moved (maybe earlier than the armed one): look again now. */
  rearm() {
    if (!this.stopped) void this.tick();
  }

  /** Re-arms this clock and every other instance's (each may be sleeping towards a later deadline). */
  rearmEverywhere() {
    this.rearm();
    if (usesClusterAdapter(this.io)) this.io.serverSideEmit(rearmEvent);
  }

  private async tick(): Promise<void> {
    if (this.running) {
      this.tickAgain = true; // a re-arm during a tick must not be lost
      return;
    }
    this.running = true;
    try {
      const now = this.clock.now();
      const timeZone = (await getOrganisation(this.db))?.timeZone ?? "Europe/Budapest";
      if (now < this.checkedUpTo) this.checkedUpTo = now; // the (test) clock went back
      await this.announceOverdue(this.checkedUpTo, now);
      if (nextMidnight(this.checkedUpTo, timeZone) <= now) this.io.local.emit(changeEventName, { kind: "day.changed" });
      this.checkedUpTo = now;
      await this.arm(now, timeZone);
    } catch (error) {
      console.error("deadline clock:", error);
      this.schedule(5_000);
    } finally {
      this.running = false;
    }
    if (this.tickAgain && !this.stopped) {
      this.tickAgain = false;
      await this.tick();
    }
  }

  /** Every open todo whose deadline fell in (from, to], grouped per card, in one query. */
  private async announceOverdue(from: Date, to: Date) {
    if (to <= from) return;
    const due = await this.db
      .select({ todoId: todos.id, cardId: todos.cardId, moduleId: todos.moduleId, ownerId: cards.ownerId })
      .from(todos)
      .innerJoin(cards, eq(cards.id, todos.cardId))
      .where(and(isNull(todos.completedAt), isNull(todos.deletedAt), isNull(cards.deletedAt), gt(todos.deadline, from), lte(todos.deadline, to)));
    await publishCardChanges(
      this.db,
      due.map((d) => ({ event: { kind: "todo.overdue" as const, cardId: d.cardId, moduleId: d.moduleId, todoId: d.todoId }, ownerIds: [d.ownerId] })),
      { localOnly: true, io: this.io },
    );
  }

  private async arm(now: Date, timeZone: string) {
    const [next] = await this.db
      .select({ at: min(todos.deadline) })
      .from(todos)
      .where(and(isNull(todos.completedAt), isNull(todos.deletedAt), gt(todos.deadline, now)));
    const candidates = [nextMidnight(now, timeZone).getTime(), now.getTime() + maxSleepMs];
    if (next?.at) candidates.push(next.at.getTime());
    // Fire just after the minute passes, so "deadline ≤ now" holds when the browsers refetch.
    this.schedule(Math.max(0, Math.min(...candidates) - now.getTime()) + 50);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref?.();
  }
}

/** For verbs' callers: wake the deadline clocks (this process's and the other instances') after todos changed. */
export function rearmDeadlineClock() {
  globalForClock.__crmDeadlineClock?.rearmEverywhere();
}

