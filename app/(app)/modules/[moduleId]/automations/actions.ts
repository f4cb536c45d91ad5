"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { bulkRunInputSchema } from "@/lib/bulk-email/bulk-input";
import { previewBulkRun } from "@/lib/bulk-email/preview-bulk-run";
import { startBulkRun } from "@/lib/bulk-email/start-bulk-run";

// The verbs check the card scope (group managers: their groups' cards); here the role.

export const previewBulkRunAction = authedAction({ schema: bulkRunInputSchema, permission: "email.bulk_send" }, (ctx, input) => previewBulkRun(ctx, input));

export const startBulkRunAction = authedAction({ schema: bulkRunInputSchema, permission: "email.bulk_send" }, async (ctx, input) => {
  const result = await startBulkRun(ctx, input);
  revalidatePath(`/modules/${result.moduleId}/automations`);
  return result;
});
