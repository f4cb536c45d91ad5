import { asc, desc, eq, inArray } from "drizzle-orm";
import { automationEvents, automationSteps, statuses, users, views, type AutomationEventKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { personName } from "@/lib/cards/list-cards";
import { getAutomationOrThrow, type AutomationRecord } from "./get-automation-or-throw";

export type AutomationStepRow = typeof automationSteps.$inferSelect;
export type AutomationEventRow = { id: number; kind: AutomationEventKind; at: Date; actorName: string | null; data: Record<string, unknown> };

/** How many of the automation's own events the editor shows, newest first. */
export const eventsShown = 50;

/**
 * What the editor shows of an automation the actor may manage: the automation, its steps in order,
 * its trigger's names, and its latest events with who did them.
 */
export async function getAutomationDetail(
  ctx: Ctx,
  automationId: string,
  moduleId?: string,
): Promise<{
  automation: AutomationRecord;
  steps: AutomationStepRow[];
  statusName: string | null;
  viewName: string | null;
  events: AutomationEventRow[];
  /** The users the steps name (recipients, senders), deactivated ones flagged, so the editor can show them. */
  stepUsers: { id: string; name: string; inactive: boolean }[];
}> {
  const automation = await getAutomationOrThrow(ctx, automationId, { moduleId });
  const { db } = ctx;
  const [steps, events, status, view] = await Promise.all([
    db.select().from(automationSteps).where(eq(automationSteps.automationId, automation.id)).orderBy(asc(automationSteps.position), asc(automationSteps.id)),
    db
      .select({ id: automationEvents.id, kind: automationEvents.kind, at: automationEvents.at, data: automationEvents.data, firstName: users.firstName, lastName: users.lastName, email: users.email })
      .from(automationEvents)
      .leftJoin(users, eq(users.id, automationEvents.actorId))
      .where(eq(automationEvents.automationId, automation.id))
      .orderBy(desc(automationEvents.at), desc(automationEvents.id))
      .limit(eventsShown),
    automation.statusId ? db.select({ name: statuses.name }).from(statuses).where(eq(statuses.id, automation.statusId)) : [],
    automation.viewId ? db.select({ name: views.name }).from(views).where(eq(views.id, automation.viewId)) : [],
  ]);
  const userIds = [...new Set(steps.flatMap((s) => [s.userId, s.senderUserId]).filter((id): id is string => id !== null))];
  const stepUsers = userIds.length
    ? await db.select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, deactivatedAt: users.deactivatedAt }).from(users).where(inArray(users.id, userIds))
    : [];
  return {
    automation,
    stepUsers: stepUsers.map((u) => ({ id: u.id, name: personName(u), inactive: u.deactivatedAt !== null })),
    steps,
    statusName: status[0]?.name ?? null,
    viewName: view[0]?.name ?? null,
    events: events.map((e) => ({ id: e.id, kind: e.kind, at: e.at, data: e.data, actorName: e.email ? personName(e) : null })),
  };
}
