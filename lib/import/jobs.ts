import { runImportBatches } from "./run-import";
import type { JobHandler } from "@/lib/jobs/types";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { systemClock } from "@/lib/clock";

export const importRunJob = "import.run";
/** One job per stretch of batches, named by where it starts: two runs of the same job enqueue the same next one. */
export const importJobKey = (importId: string, fromRow: number) => `import:${importId}:${fromRow}`;
/** A job runs batches for this long, then hands on to a new job (so a lease never has to outlast a huge import). */
const sliceMs = 60_000;

/**
 * The "import.run" job: runs the import's next batches (lib/import/run-import.ts). Safe to run again
 * after a crash: each batch commits with its own resume point, and a batch another runner already
 * committed is not written twice.
 */
export const runImportJob: JobHandler = async ({ db, job }) => {
  const importId = typeof job.payload.importId === "string" ? job.payload.importId : null;
  if (!importId) return { failed: "import id missing" };
  const outcome = await runImportBatches(db, importId, { now: () => systemClock.now(), until: Date.now() + sliceMs });
  if (outcome === "more") {
    const [row] = (await db.query.imports.findMany({ where: (i, { eq }) => eq(i.id, importId), columns: { doneRows: true } })) ?? [];
    await db.transaction((tx) => enqueueJobs(tx, [{ kind: importRunJob, payload: { importId }, key: importJobKey(importId, row?.doneRows ?? 0) }], systemClock.now()));
  }
  return { done: true };
};
