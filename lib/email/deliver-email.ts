import type { JobHandler } from "@/lib/jobs/types";

/** STAND-IN (helper "jobs" owns this file): delivers one stored email through the configured transport. */
export const deliverEmail: JobHandler = async () => ({ retry: "not implemented" });
