import type { JobHandler } from "@/lib/jobs/types";

export const prepareBulkJob = "bulk.prepare";

/** STAND-IN (helper "bulk" owns this file): renders and queues the next batch of a bulk run's recipients. */
export const prepareBulkBatch: JobHandler = async () => ({ retry: "not implemented" });
