import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEvents, automations, automationSteps, emailTemplates, statuses, todoTemplates, users, views } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { getAutomationOrThrow } from "./get-automation-or-throw";
import { automationIdSchema, type AutomationIdInput } from "./automation-input";
import { enrolCards, leaveEnrolments, type StepRow } from "./enrol-cards";
import { publishAutomationsChanged } from "./publish-automations-changed";
import { cardsQualifyingNow, loadAutomations, type AutomationRow } from "./qualify";
import { enqueueSweep } from "./sweep-enrolments";

/**
 * Why the steps cannot run as saved (null: they can): a template trashed or of another module, a
 * chosen user deactivated. Two queries for any number of steps.
 */
async function stepProblem(db: Db, automation: AutomationRow, steps: StepRow[]): Promise<string | null> {
  const emailIds = [...new Set(steps.flatMap((s) => (s.kind !== "todo_user" && s.emailTemplateId ? [s.emailTemplateId] : [])))];
  const todoIds = [...new Set(steps.flatMap((s) => (s.kind === "todo_user" && s.todoTemplateId ? [s.todoTemplateId] : [])))];
  const userIds = [
    ...new Set(
      steps.flatMap((s) => [
        ...(s.recipient === "user" && s.userId ? [s.userId] : []),
        ...(s.kind !== "todo_user" && s.sender === "user" && s.senderUserId ? [s.senderUserId] : []),
      ]),
    ),
  ];
  const [liveEmail, liveTodo, activeUsers] = await Promise.all([
    emailIds.length
      ? db.select({ id: emailTemplates.id }).from(emailTemplates).where(and(inArray(emailTemplates.id, emailIds), eq(emailTemplates.moduleId, automation.moduleId), isNull(emailTemplates.deletedAt)))
      : [],
    todoIds.length
      ? db.select({ id: todoTemplates.id }).from(todoTemplates).where(and(inArray(todoTemplates.id, todoIds), eq(todoTemplates.moduleId, automation.moduleId), isNull(todoTemplates.deletedAt)))
      : [],
    userIds.length ? db.select({ id: users.id }).from(users).where(and(inArray(users.id, userIds), isNull(users.deactivatedAt))) : [],
  ]);
  if (liveEmail.length !== emailIds.length || liveTodo.length !== todoIds.length) return "automation_template_unavailable";
  if (activeUsers.length !== userIds.length) return "automation_user_inactive";
  return null;
}

/** The status or view the automation is about, still live in its module. */
async function triggerLive(db: Db, automation: AutomationRow): Promise<boolean> {
  if (automation.trigger === "status") {
    if (!automation.statusId) return false;
    const [row] = await db
      .select({ id: statuses.id })
      .from(statuses)
      .where(and(eq(statuses.id, automation.statusId), eq(statuses.moduleId, automation.moduleId), isNull(statuses.archivedAt)));
    return Boolean(row);
  }
  if (!automation.viewId) return false;
  const [row] = await db.select({ id: views.id }).from(views).where(and(eq(views.id, automation.viewId), eq(views.moduleId, automation.moduleId), isNull(views.deletedAt)));
  return Boolean(row);
}

/**
 * "Activate": refuses an automation without steps (or whose steps no longer fit the module: a
 * trashed template, a deactivated chosen user); enrols the cards qualifying now (with steps, or —
 * "only new cards" — without), records the "activated" event. One transaction.
 *
 * Re-activating a switched-off automation starts it afresh: the cards qualifying now enter as at a
 * first activation (the re-entry cooldown is for cards bouncing, not for a manager's decision — the
 * preview shows who would get what). A view automation also schedules the periodic sweep.
 */
export async function activateAutomation(ctx: Ctx, raw: AutomationIdInput): Promise<{ automationId: string; moduleId: string; enrolled: number }> {
  const { actor, db, now } = ctx;
  if (!can(actor, "automations.manage")) throw forbidden();
  const { automationId } = automationIdSchema.parse(raw);
  await getAutomationOrThrow({ actor, db }, automationId);

  const result = await db.transaction(async (tx) => {
    const automation = await getAutomationOrThrow({ actor, db: tx }, automationId, { lock: true });
    if (automation.state === "active") throw conflict("automation_already_active");
    const steps = await tx.select().from(automationSteps).where(eq(automationSteps.automationId, automation.id)).orderBy(asc(automationSteps.position));
    if (steps.length === 0) throw invalid("automation_no_steps");
    if (!(await triggerLive(tx, automation))) throw invalid("automation_trigger_unavailable");
    const problem = await stepProblem(tx, automation, steps);
    if (problem) throw invalid(problem);

    const [activated] = await tx
      .update(automations)
      .set({ state: "active", activatedAt: now, activatedById: actor.id, switchedOffAt: null, updatedAt: now })
      .where(eq(automations.id, automation.id))
      .returning();
    const [loaded] = await loadAutomations(tx, eq(automations.id, automation.id), now);
    const qualifying = await cardsQualifyingNow(tx, loaded);
    const withSteps = !activated.onlyNew;
    const { enrolled, stepRuns } = await enrolCards(
      tx,
      qualifying.map((c) => ({ automationId: automation.id, cardId: c.id, ownerId: c.ownerId, withSteps })),
      now,
      { steps },
    );
    await enqueueSweep(tx, now);
    await tx.insert(automationEvents).values({
      automationId: automation.id,
      actorId: actor.id,
      at: now,
      kind: "activated",
      data: { enrolled, withSteps, stepRuns, kind: activated.kind, onlyNew: activated.onlyNew },
    });
    return { automationId: automation.id, moduleId: automation.moduleId, enrolled };
  });
  publishAutomationsChanged(result.moduleId, result.automationId);
  return result;
}

/** "Switch off": cancels every pending step run, ends the enrolments, records the "switched_off" event. One transaction. */
export async function switchOffAutomation(ctx: Ctx, raw: AutomationIdInput): Promise<{ automationId: string; moduleId: string; cancelled: number }> {
  const { actor, db, now } = ctx;
  if (!can(actor, "automations.manage")) throw forbidden();
  const { automationId } = automationIdSchema.parse(raw);
  await getAutomationOrThrow({ actor, db }, automationId);

  const result = await db.transaction(async (tx) => {
    // FOR UPDATE waits for card writes enrolling into it right now (they hold FOR KEY SHARE), so none is missed.
    const automation = await getAutomationOrThrow({ actor, db: tx }, automationId, { lock: true });
    if (automation.state !== "active") throw conflict("automation_not_active");
    await tx.update(automations).set({ state: "off", switchedOffAt: now, updatedAt: now }).where(eq(automations.id, automation.id));
    const { left, cancelled } = await leaveEnrolments(tx, { automationId: automation.id }, now);
    await tx.insert(automationEvents).values({ automationId: automation.id, actorId: actor.id, at: now, kind: "switched_off", data: { left, cancelled } });
    return { automationId: automation.id, moduleId: automation.moduleId, cancelled };
  });
  publishAutomationsChanged(result.moduleId, result.automationId);
  return result;
}
