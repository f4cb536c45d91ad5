import type { Ctx } from "@/lib/actions/safe-action";
import { bulkRecipients, bulkRuns } from "@/db/schema";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { invalid } from "@/lib/errors";
import type { BulkRunInput } from "./bulk-input";
import { planBulkRun } from "./plan-bulk-run";
import { prepareBulkJob, prepareJobKey } from "./prepare-batch";
import { publishBulkProgress } from "./publish-progress";

/**
 * Recipient rows per insert statement (a run of 10,000 is forty statements): building one statement of
 * 1,000 rows was ~50 ms of synchronous work on the server's event loop, 250 stays well under that.
 */
const insertChunk = 250;

/**
 * Starts a one-time bulk run of a view (SPEC §7): permission `email.bulk_send` and the card scope
 * (group managers reach only their groups' cards), the view's cards at this moment, then ONE
 * transaction: the run, every recipient row (skipped ones with their reason, counted at once) and
 * the first "bulk.prepare" job (announced once the calling action finished). After commit: the Automations page is told.
 */
export async function startBulkRun(ctx: Ctx, raw: BulkRunInput): Promise<{ runId: string; moduleId: string; total: number; skipped: number }> {
  const { db, actor, now } = ctx;
  const plan = await planBulkRun(ctx, raw);
  const { input, recipients } = plan;
  const sendable = recipients.filter((r) => !r.skip).length;
  if (sendable === 0) throw invalid("bulk_no_recipients");
  const skipped = recipients.length - sendable;
  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(bulkRuns)
      .values({
        moduleId: input.moduleId,
        viewId: plan.view.id,
        viewName: plan.view.name,
        templateId: plan.template.id,
        recipientRule: input.recipientRule,
        createdById: actor.id,
        state: "preparing",
        total: recipients.length,
        skipped,
        createdAt: now,
      })
      .returning({ id: bulkRuns.id });
    for (let i = 0; i < recipients.length; i += insertChunk) {
      await tx.insert(bulkRecipients).values(
        recipients.slice(i, i + insertChunk).map((r) => ({
          runId: run.id,
          cardId: r.cardId,
          contactId: r.contactId,
          address: r.address,
          name: r.name,
          outcome: r.skip ? ("skipped" as const) : ("pending" as const),
          reason: r.skip,
        })),
      );
    }
    await enqueueJobs(tx, [{ kind: prepareBulkJob, payload: { runId: run.id }, key: prepareJobKey(run.id, 0), dueAt: now }], now);
    return run.id;
  });
  publishBulkProgress(input.moduleId, runId, { force: true });
  return { runId, moduleId: input.moduleId, total: recipients.length, skipped };
}
