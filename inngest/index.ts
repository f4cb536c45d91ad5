import type { InngestFunction } from "inngest";
import { runJob, sweepJobs } from "./jobs";

/** Every Inngest function of the app, served by app/api/inngest/route.ts. Automations add theirs here. */
export const functions: InngestFunction.Any[] = [runJob, sweepJobs];
