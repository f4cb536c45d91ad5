import { and, eq } from "drizzle-orm";
import { imports } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { conflict, invalid } from "@/lib/errors";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { publishToUsers } from "@/lib/realtime/publish";
import { getImportRecordOrThrow } from "./get-import";
import { importJobKey, importRunJob } from "./jobs";

/** Starts a draft's run as a background job (draft → queued). */
export async function startImport(ctx: Ctx, importId: string): Promise<void> {
  const record = await getImportRecordOrThrow(ctx, importId);
  if (record.state !== "draft") throw conflict("import_not_draft");
  if (Object.keys(record.settings.mapping).length === 0) throw invalid("import_nothing_mapped");
  await ctx.db.transaction(async (tx) => {
    const [queued] = await tx
      .update(imports)
      .set({ state: "queued", updatedAt: ctx.now })
      .where(and(eq(imports.id, record.id), eq(imports.state, "draft")))
      .returning({ id: imports.id });
    if (!queued) throw conflict("import_not_draft");
    await enqueueJobs(tx, [{ kind: importRunJob, payload: { importId: record.id }, key: importJobKey(record.id, 0) }], ctx.now);
  });
  publishToUsers({ kind: "import.progress", importId: record.id }, [record.createdById]);
}
