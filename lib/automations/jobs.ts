/** The job kinds automations own (lib/jobs/handlers.ts maps them to their functions). */

/** One step run is due: payload { stepRunId }, key "step:<stepRunId>" (one job, one Inngest function per step run). */
export const automationStepJob = "automation.step";
export const stepRunJobKey = (stepRunId: string) => `step:${stepRunId}`;

/**
 * The periodic re-check of view automations whose condition changes with time alone ("no activity
 * for 7 days"): payload {}, key "automations.sweep:<due ISO>", re-enqueued for the next slot each run.
 */
export const automationSweepJob = "automations.sweep";
