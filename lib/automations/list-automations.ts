import { and, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { automationEnrolments, automations, automationStepRuns, automationSteps, statuses, users, views, type AutomationKind, type AutomationState, type AutomationTrigger } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

export type AutomationSummary = {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  statusName: string | null;
  viewName: string | null;
  /** The view is in the trash (nothing qualifies any more). */
  viewTrashed: boolean;
  kind: AutomationKind;
  onlyNew: boolean;
  state: AutomationState;
  steps: number;
  /** Cards inside now with steps (not those noted at an "only new cards" activation). */
  enrolled: number;
  done: number;
  pending: number;
  skipped: number;
  /** A step's chosen sender or user is deactivated: those steps will be skipped. */
  senderInactive: boolean;
  createdAt: Date;
  activatedAt: Date | null;
};

/**
 * The module's automations the actor may manage (a group manager: those scoped to their groups), newest
 * first, with counts. Four queries for any number of automations: the rows, steps, enrolments, step runs.
 */
export async function listAutomations({ actor, db }: Ctx, moduleId: string): Promise<AutomationSummary[]> {
  if (!can(actor, "automations.manage")) throw forbidden();
  if (!z.uuid().safeParse(moduleId).success) return [];
  const scope =
    actor.role === "group_manager"
      ? and(isNotNull(automations.scopeGroupIds), sql`${automations.scopeGroupIds} <@ ${JSON.stringify(actor.groupIds)}::jsonb`)
      : undefined;
  const rows = await db
    .select({
      id: automations.id,
      name: automations.name,
      trigger: automations.trigger,
      statusName: statuses.name,
      viewName: views.name,
      viewDeletedAt: views.deletedAt,
      kind: automations.kind,
      onlyNew: automations.onlyNew,
      state: automations.state,
      createdAt: automations.createdAt,
      activatedAt: automations.activatedAt,
    })
    .from(automations)
    .leftJoin(statuses, eq(statuses.id, automations.statusId))
    .leftJoin(views, eq(views.id, automations.viewId))
    .where(and(eq(automations.moduleId, moduleId), scope))
    .orderBy(desc(automations.createdAt), desc(automations.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sender = alias(users, "sender");
  const chosen = alias(users, "chosen");
  const [stepRows, enrolRows, runRows] = await Promise.all([
    db
      .select({
        automationId: automationSteps.automationId,
        steps: sql<number>`count(*)::int`,
        inactive: sql<boolean>`coalesce(bool_or(${sender.deactivatedAt} is not null or ${chosen.deactivatedAt} is not null), false)`,
      })
      .from(automationSteps)
      .leftJoin(sender, eq(sender.id, automationSteps.senderUserId))
      .leftJoin(chosen, eq(chosen.id, automationSteps.userId))
      .where(inArray(automationSteps.automationId, ids))
      .groupBy(automationSteps.automationId),
    db
      .select({ automationId: automationEnrolments.automationId, enrolled: sql<number>`count(*)::int` })
      .from(automationEnrolments)
      .where(and(inArray(automationEnrolments.automationId, ids), eq(automationEnrolments.state, "active"), eq(automationEnrolments.withSteps, true)))
      .groupBy(automationEnrolments.automationId),
    db
      .select({
        automationId: automationStepRuns.automationId,
        done: sql<number>`(count(*) filter (where ${automationStepRuns.state} = 'done'))::int`,
        pending: sql<number>`(count(*) filter (where ${automationStepRuns.state} = 'pending'))::int`,
        skipped: sql<number>`(count(*) filter (where ${automationStepRuns.state} = 'skipped'))::int`,
      })
      .from(automationStepRuns)
      .where(and(inArray(automationStepRuns.automationId, ids), or(eq(automationStepRuns.state, "done"), eq(automationStepRuns.state, "pending"), eq(automationStepRuns.state, "skipped"))))
      .groupBy(automationStepRuns.automationId),
  ]);
  const byId = <T extends { automationId: string }>(list: T[]) => new Map(list.map((r) => [r.automationId, r]));
  const [stepsOf, enrolledOf, runsOf] = [byId(stepRows), byId(enrolRows), byId(runRows)];
  return rows.map(({ viewDeletedAt, ...r }) => ({
    ...r,
    viewTrashed: r.trigger === "view" && viewDeletedAt !== null,
    steps: Number(stepsOf.get(r.id)?.steps ?? 0),
    enrolled: Number(enrolledOf.get(r.id)?.enrolled ?? 0),
    done: Number(runsOf.get(r.id)?.done ?? 0),
    pending: Number(runsOf.get(r.id)?.pending ?? 0),
    skipped: Number(runsOf.get(r.id)?.skipped ?? 0),
    senderInactive: Boolean(stepsOf.get(r.id)?.inactive),
  }));
}

