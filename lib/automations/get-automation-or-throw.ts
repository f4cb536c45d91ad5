import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { automations } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";

export type AutomationRecord = typeof automations.$inferSelect;

/**
 * Whether the actor may manage this automation: admins and managers every one; a group manager only
 * those scoped to groups that are all theirs (an admin's unscoped automation reaches every card, so
 * it is not theirs to change).
 */
export function canReachAutomation(actor: Pick<Actor, "role" | "groupIds">, automation: Pick<AutomationRecord, "scopeGroupIds">): boolean {
  if (actor.role !== "group_manager") return true;
  const scope = automation.scopeGroupIds;
  return scope !== null && scope.every((id) => actor.groupIds.includes(id));
}

/**
 * An automation the actor may manage, optionally locked for the transaction; anything else — an
 * unknown or malformed id, another group's automation — is "automation_not_found" alike.
 */
export async function getAutomationOrThrow(
  { actor, db }: Pick<Ctx, "actor" | "db">,
  automationId: string,
  { moduleId, lock = false }: { moduleId?: string; lock?: boolean } = {},
): Promise<AutomationRecord> {
  if (!can(actor, "automations.manage")) throw forbidden();
  if (!z.uuid().safeParse(automationId).success) throw notFound("automation_not_found");
  const query = (db as Db)
    .select()
    .from(automations)
    .where(and(eq(automations.id, automationId), moduleId ? eq(automations.moduleId, moduleId) : undefined));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !canReachAutomation(actor, row)) throw notFound("automation_not_found");
  return row;
}
