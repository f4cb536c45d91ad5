import { executeStepRun } from "@/lib/automations/execute-step-run";
import { automationStepJob, automationSweepJob } from "@/lib/automations/jobs";
import { sweepEnrolments } from "@/lib/automations/sweep-enrolments";
import { prepareBulkBatch, prepareBulkJob } from "@/lib/bulk-email/prepare-batch";
import { deliverEmail } from "@/lib/email/deliver-email";
import { deliverEmailJob } from "@/lib/email/queue-email";
import { importRunJob, runImportJob } from "@/lib/import/jobs";
import type { JobHandler } from "./types";

/** Every kind of job and the capability function that runs it. Automations, imports and webhooks add theirs. */
export const jobHandlers: Record<string, JobHandler> = {
  [deliverEmailJob]: deliverEmail,
  [prepareBulkJob]: prepareBulkBatch,
  [automationStepJob]: executeStepRun,
  [automationSweepJob]: sweepEnrolments,
  [importRunJob]: runImportJob,
};
