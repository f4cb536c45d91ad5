"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/safe-action";
import { activateAutomation, switchOffAutomation } from "@/lib/automations/activate-automation";
import { automationIdSchema, createAutomationSchema, saveStepsSchema } from "@/lib/automations/automation-input";
import { createAutomation } from "@/lib/automations/create-automation";
import { previewAutomation } from "@/lib/automations/preview-automation";
import { publishAutomationsChanged } from "@/lib/automations/publish-automations-changed";
import { saveSteps } from "@/lib/automations/save-steps";
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

/** The Automations page and every automation's editor re-render; other browsers refetch on the live event. */
const automationChanged = ({ moduleId, automationId }: { moduleId: string; automationId: string }) => {
  revalidatePath(`/modules/${moduleId}/automations`, "layout");
  publishAutomationsChanged(moduleId, automationId);
};

// "automations.manage" is checked before anything is parsed (a Normal user's POST learns nothing); the
// verbs check it again, and the group scope.

export const createAutomationAction = authedAction({ schema: createAutomationSchema, permission: "automations.manage" }, async (ctx, input) => {
  const result = await createAutomation(ctx, input);
  automationChanged(result);
  redirect(`/modules/${result.moduleId}/automations/${result.automationId}`);
});

export const saveStepsAction = authedAction({ schema: saveStepsSchema, permission: "automations.manage" }, async (ctx, input) => {
  const result = await saveSteps(ctx, input);
  automationChanged(result);
  return result;
});

export const activateAutomationAction = authedAction({ schema: automationIdSchema, permission: "automations.manage" }, async (ctx, input) => {
  const result = await activateAutomation(ctx, input);
  automationChanged(result);
  return result;
});

export const switchOffAutomationAction = authedAction({ schema: automationIdSchema, permission: "automations.manage" }, async (ctx, input) => {
  const result = await switchOffAutomation(ctx, input);
  automationChanged(result);
  return result;
});

export const previewAutomationAction = authedAction({ schema: automationIdSchema, permission: "automations.manage" }, (ctx, input) => previewAutomation(ctx, input));
