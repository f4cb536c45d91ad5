import { automationEvents, automations } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { getLiveViewOrThrow } from "@/lib/views/view-store";
import { createAutomationSchema, type CreateAutomationInput } from "./automation-input";

/**
 * "New automation" (managers, admins, group managers): a draft of the module on one of its live
 * statuses, or on a live view of it the actor can open. A group manager's automation is scoped to
 * their groups (scopeGroupIds). Records the "created" event. Steps come with the editor (saveSteps).
 */
export async function createAutomation({ actor, db, now }: Ctx, raw: CreateAutomationInput): Promise<{ automationId: string; moduleId: string; version: number }> {
  if (!can(actor, "automations.manage")) throw forbidden();
  const input = createAutomationSchema.parse(raw);
  const config = await getModuleConfigOrThrow(db, input.moduleId).catch((error: unknown) => {
    throw error instanceof DomainError && error.kind === "not_found" ? notFound("module_not_found") : error;
  });
  if (config.archived) throw conflict("module_archived");
  let statusId: string | null = null;
  let viewId: string | null = null;
  if (input.trigger === "status") {
    const status = config.statuses.find((s) => s.id === input.statusId);
    if (!status || status.archived) throw invalid("automation_status_invalid", { statusId: "automation_status_invalid" });
    statusId = status.id;
  } else {
    const view = await getLiveViewOrThrow(db, actor, input.viewId!, config.id).catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === "not_found" ? invalid("automation_view_invalid", { viewId: "automation_view_invalid" }) : error;
    });
    viewId = view.id;
  }
  const scopeGroupIds = actor.role === "group_manager" ? [...actor.groupIds].sort() : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(automations)
      .values({
        moduleId: config.id,
        name: input.name,
        trigger: input.trigger,
        statusId,
        viewId,
        onlyNew: input.onlyNew,
        kind: input.kind,
        scopeGroupIds,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: automations.id, version: automations.version });
    await tx.insert(automationEvents).values({
      automationId: row.id,
      actorId: actor.id,
      at: now,
      kind: "created",
      data: { name: input.name, trigger: input.trigger, statusId, viewId, onlyNew: input.onlyNew, kind: input.kind },
    });
    return { automationId: row.id, moduleId: config.id, version: row.version };
  });
}
