import { randomUUID } from "node:crypto";
import { onTestClockChange, testClockEnabled } from "@/lib/clock";
import { nextWakeAt, runDueJobs, type RunnerOptions } from "./run-jobs";
import { onJobsEnqueued } from "./wake";

/** Look again at least this often: a safety net for work enqueued by another process (other workers, scripts). */
const maxSleepMs = 30_000;

/**
 * The embedded job runner (one per server process): runs every due job, then sleeps until the next
 * due time or lease end, and wakes at once when this process enqueues work (`jobsEnqueued`). With
 * PostgreSQL several processes each run one; `for update skip locked` hands each job to one of them.
 */
export class JobRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;
  readonly runnerId: string;

  constructor(
    private readonly options: RunnerOptions,
    private readonly maxSleep = maxSleepMs,
  ) {
    this.runnerId = options.runnerId ?? `runner-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onJobsEnqueued(() => this.wake());
    if (testClockEnabled) onTestClockChange(() => this.wake());
    this.wake();
  }

  /** Stops claiming; resolves when the jobs in flight have finished (their outcomes written). */
  async stop() {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true; // new work during a pass must not wait for the next timer
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Resolves when the runner is idle (tests). */
  async idle() {
    while (this.running) await this.running;
  }

  private async pass() {
    const { db, clock } = this.options;
    try {
      await runDueJobs({ ...this.options, runnerId: this.runnerId }, { shouldStop: () => this.stopped });
      const next = await nextWakeAt(db);
      const now = clock.now().getTime();
      this.schedule(Math.min(this.maxSleep, next ? Math.max(0, next.getTime() - now) + 20 : this.maxSleep));
    } catch (error) {
      console.error("job runner:", error);
      this.schedule(5_000);
    }
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), ms);
    this.timer.unref?.();
  }
}
