import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEvents, automations, automationSteps, emailTemplates, todoTemplates, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { saveStepsSchema, type ParsedStep, type SaveStepsInput } from "./automation-input";
import { getAutomationOrThrow } from "./get-automation-or-throw";

type StepValues = Omit<typeof automationSteps.$inferInsert, "automationId" | "position" | "id" | "createdAt">;

/** Only the fields the step's kind uses are kept (an email step carries no todo text, a card-owner rule no user). */
function normalise(step: ParsedStep): StepValues {
  const email = step.kind !== "todo_user";
  const toUser = step.kind !== "email_contact" && step.recipient === "user";
  return {
    kind: step.kind,
    delayDays: step.delayDays,
    sendTime: step.sendTime,
    workingDaysOnly: step.workingDaysOnly,
    emailTemplateId: email ? step.emailTemplateId : null,
    todoTemplateId: email ? null : step.todoTemplateId,
    todoText: email || step.todoTemplateId ? null : step.todoText,
    todoType: email || step.todoTemplateId ? null : (step.todoType ?? "task"),
    recipient: step.recipient,
    userId: toUser ? step.userId : null,
    sender: email ? step.sender : "card_owner",
    senderUserId: email && step.sender === "user" ? step.senderUserId : null,
  };
}

/** Every template a step names is a live one of the module (of the right kind); every chosen user is active. Field errors by step. */
async function checkReferences(db: Db, moduleId: string, steps: StepValues[]): Promise<void> {
  const ids = (pick: (s: StepValues) => string | null | undefined) => [...new Set(steps.map(pick).filter((v): v is string => Boolean(v)))];
  const emailIds = ids((s) => s.emailTemplateId);
  const todoIds = ids((s) => s.todoTemplateId);
  const userIds = [...new Set([...ids((s) => s.userId), ...ids((s) => s.senderUserId)])];
  const [liveEmail, liveTodo, activeUsers] = await Promise.all([
    emailIds.length
      ? db.select({ id: emailTemplates.id }).from(emailTemplates).where(and(inArray(emailTemplates.id, emailIds), eq(emailTemplates.moduleId, moduleId), isNull(emailTemplates.deletedAt)))
      : [],
    todoIds.length
      ? db.select({ id: todoTemplates.id }).from(todoTemplates).where(and(inArray(todoTemplates.id, todoIds), eq(todoTemplates.moduleId, moduleId), isNull(todoTemplates.deletedAt)))
      : [],
    userIds.length ? db.select({ id: users.id }).from(users).where(and(inArray(users.id, userIds), isNull(users.deactivatedAt))) : [],
  ]);
  const ok = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const [emailOk, todoOk, userOk] = [ok(liveEmail), ok(liveTodo), ok(activeUsers)];
  const fields: Record<string, string> = {};
  steps.forEach((s, i) => {
    if (s.emailTemplateId && !emailOk.has(s.emailTemplateId)) fields[`steps.${i}.emailTemplateId`] = "automation_template_invalid";
    if (s.todoTemplateId && !todoOk.has(s.todoTemplateId)) fields[`steps.${i}.todoTemplateId`] = "automation_template_invalid";
    if (s.userId && !userOk.has(s.userId)) fields[`steps.${i}.userId`] = "inactive_user";
    if (s.senderUserId && !userOk.has(s.senderUserId)) fields[`steps.${i}.senderUserId`] = "inactive_user";
  });
  const first = Object.values(fields)[0];
  if (first) throw invalid(first, fields);
}

/**
 * The editor's Save: the automation's name and its whole sequence of steps (≤ 50) at once, guarded by
 * the version the editor started from. Only while the automation is a draft or switched off (an active
 * one: "automation_active"). Steps sent with their id are updated in place (their past step runs stay
 * counted); the others are inserted; missing ones are removed. Records the "edited" event.
 */
export async function saveSteps({ actor, db, now }: Ctx, raw: SaveStepsInput): Promise<{ automationId: string; moduleId: string; version: number }> {
  if (!can(actor, "automations.manage")) throw forbidden();
  const input = saveStepsSchema.parse(raw);
  const current = await getAutomationOrThrow({ actor, db }, input.automationId);
  if (current.state === "active") throw conflict("automation_active");
  if (current.version !== input.version) throw conflict("automation_changed", {}, { currentVersion: current.version });
  const steps = input.steps.map(normalise);
  await checkReferences(db, current.moduleId, steps);
  return db.transaction(async (tx) => {
    const automation = await getAutomationOrThrow({ actor, db: tx }, input.automationId, { lock: true });
    if (automation.state === "active") throw conflict("automation_active");
    if (automation.version !== input.version) throw conflict("automation_changed", {}, { currentVersion: automation.version });
    const existing = await tx.select({ id: automationSteps.id }).from(automationSteps).where(eq(automationSteps.automationId, automation.id));
    const existingIds = new Set(existing.map((s) => s.id));
    const keptIds = input.steps.map((s) => s.id).filter((id): id is string => id !== null && existingIds.has(id));
    if (new Set(keptIds).size !== keptIds.length) throw invalid("invalid_input");
    await tx
      .delete(automationSteps)
      .where(and(eq(automationSteps.automationId, automation.id), keptIds.length ? notInArray(automationSteps.id, keptIds) : undefined));
    const inserts: (typeof automationSteps.$inferInsert)[] = [];
    for (const [position, values] of steps.entries()) {
      const id = input.steps[position].id;
      if (id && existingIds.has(id)) await tx.update(automationSteps).set({ ...values, position }).where(eq(automationSteps.id, id));
      else inserts.push({ ...values, automationId: automation.id, position, createdAt: now });
    }
    if (inserts.length) await tx.insert(automationSteps).values(inserts);
    const version = automation.version + 1;
    await tx.update(automations).set({ name: input.name, version, updatedAt: now }).where(eq(automations.id, automation.id));
    await tx.insert(automationEvents).values({
      automationId: automation.id,
      actorId: actor.id,
      at: now,
      kind: "edited",
      data: { name: input.name, ...(input.name !== automation.name ? { previousName: automation.name } : {}), steps: steps.length, previousSteps: existing.length },
    });
    return { automationId: automation.id, moduleId: automation.moduleId, version };
  });
}
