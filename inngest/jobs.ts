import { getDb, type Db } from "@/db/client";
import { systemClock, type Clock } from "@/lib/clock";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs, runJobByKey } from "@/lib/jobs/run-jobs";
import type { JobHandler } from "@/lib/jobs/types";
import { inngest } from "./client";

/** One job became due (or will at `dueAt`): its key names it. */
export const jobDueEvent = "crm/job.due";
/** A keyed job was called off before it ran (lib/jobs/cancel.ts): its sleeping function stops. */
export const jobCancelledEvent = "crm/job.cancelled";
/** Work was enqueued without details: sweep everything due. */
export const jobsEnqueuedEvent = "crm/jobs.enqueued";

export type JobDueData = { key: string; dueAt: string };

type Deps = { getDb: () => Promise<Db>; clock: Clock; handlers: Record<string, JobHandler> };
const defaults: Deps = { getDb, clock: systemClock, handlers: jobHandlers };

/** At most this many sweeps after the first, per job, before the cron takes over (back-off can be an hour). */
const maxFollowUps = 10;

/**
 * Inngest drives the same job rows the embedded runner does: the per-job function sleeps until the
 * job is due, then claims and runs it (the claim's `skip locked` keeps it to one runner, Inngest or
 * embedded); a retry sleeps until the new due time and runs again; a cancellation event with its key
 * (lib/jobs/cancel.ts, after commit) ends it while it sleeps. The cron sweeps anything due
 * and unclaimed (an event lost, a job without a key, an expired lease).
 */
export function createJobFunctions(deps: Deps = defaults) {
  const runJob = inngest.createFunction(
    {
      id: "run-job",
      triggers: [{ event: jobDueEvent }],
      retries: 0,
      // A job called off while its function sleeps (a card left its automation): that function ends, no run.
      cancelOn: [{ event: jobCancelledEvent, if: "async.data.key == event.data.key" }],
    },
    async ({ event, step }) => {
      const { key, dueAt } = event.data as JobDueData;
      await step.sleepUntil("wait-until-due", new Date(dueAt));
      let result = await step.run("run-job", async () => runJobByKey({ db: await deps.getDb(), clock: deps.clock, handlers: deps.handlers }, key));
      for (let i = 1; i <= maxFollowUps && result.ran && result.state === "pending"; i++) {
        await step.sleepUntil(`wait-until-due-${i}`, new Date(result.dueAt));
        result = await step.run(`run-job-${i}`, async () => runJobByKey({ db: await deps.getDb(), clock: deps.clock, handlers: deps.handlers }, key));
      }
      return result;
    },
  );

  const sweep = async () => ({ ran: await runDueJobs({ db: await deps.getDb(), clock: deps.clock, handlers: deps.handlers }) });

  const sweepJobs = inngest.createFunction({ id: "sweep-jobs", triggers: [{ cron: "* * * * *" }, { event: jobsEnqueuedEvent }], retries: 0 }, async ({ step }) =>
    step.run("run-due-jobs", sweep),
  );

  return { runJob, sweepJobs };
}

export const { runJob, sweepJobs } = createJobFunctions();
