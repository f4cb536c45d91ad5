import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { automations, automationStepRuns, cards, emails, emailSuppressions, history, jobs, todos, todoTemplates, users } from "@/db/schema";
import { emailJobKey } from "@/lib/email/queue-email";
import { seedEmailCard, seedEmailTemplate, setSignature } from "@/lib/email/test-fixtures";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { changeEventName } from "@/lib/realtime/publish";
import { rooms } from "@/lib/realtime/rooms";
import { executeStepRun, runStepRun } from "./execute-step-run";
import { stepRunJobKey } from "./jobs";
import { stepRunPartId } from "./step-run-ids";
import { seedAutomation, seedStepRuns } from "./test-step-runs";

const dueAt = new Date("2026-05-04T08:00:00Z");
const now = new Date("2026-05-04T08:00:05Z");

describe(`executing a due step run (${testDbKind})`, async () => {
  const db: Db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let templateId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    await db.update(users).set({ firstName: "Anna", lastName: "Nagy" }).where(eq(users.id, crm.actors.normal.id));
    await setSignature(db, crm.actors.normal.id, "Anna Nagy\nSales");
    templateId = (await seedEmailTemplate(db, crm.module.id)).id;
  });

  /** A fresh card (owner Anna, in "Offer sent", with Éva and Acme linked) and an active automation on that status with one step, its run pending and due. */
  async function scenario(step: Parameters<typeof seedAutomation>[2][number], { ownerId = crm.actors.normal.id as string | null, automation = {} as Partial<typeof automations.$inferInsert> } = {}) {
    const { card, person } = await seedEmailCard(db, crm, { ownerId, name: `Deal ${Math.random().toString(36).slice(2, 8)}` });
    const seeded = await seedAutomation(db, { moduleId: crm.module.id, statusId: crm.statuses.offer.id, ...automation }, [step]);
    const { stepRunIds, enrolmentIds } = await seedStepRuns(db, { automationId: seeded.automation.id, stepIds: [seeded.steps[0].id], cardIds: [card.id], dueAt });
    return { card, person, automation: seeded.automation, step: seeded.steps[0], stepRunId: stepRunIds[0], enrolmentId: enrolmentIds[0] };
  }
  const stepRun = async (id: string) => (await db.select().from(automationStepRuns).where(eq(automationStepRuns.id, id)))[0];
  const stepHistory = async (cardId: string) => db.select().from(history).where(and(eq(history.cardId, cardId), eq(history.kind, "automation_step")));
  const runJobs = () => runDueJobs({ db, clock: { now: () => now }, handlers: jobHandlers });

  it("an email step queues the rendered email (id from the step run) with its delivery job, and writes history and outcome together", async () => {
    const s = await scenario({ kind: "email_contact", recipient: "main_person", emailTemplateId: templateId });
    expect(await runJobs()).toBeGreaterThanOrEqual(1);

    const run = await stepRun(s.stepRunId);
    const emailId = stepRunPartId(s.stepRunId, "email:0");
    expect(run).toMatchObject({ state: "done", reason: null, emailIds: [emailId], finishedAt: now });
    const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
    expect(email).toMatchObject({ kind: "card", cardId: s.card.id, templateId, senderId: crm.actors.normal.id, toAddress: "eva@acme.example", toName: "Éva Kovács", replyTo: "normal@test.hu", fromName: "Nagy Anna" });
    expect(email.subject).toBe(`Offer for ${s.card.name}`);
    expect(email.html).toContain("Dear Éva,");
    expect(email.html).toMatch(/Anna Nagy<br\s*\/?>Sales/);
    // The delivery job ran too (no transport configured: the outbox keeps it).
    expect((await db.select().from(jobs).where(eq(jobs.key, emailJobKey(emailId))))[0].state).toBe("done");
    expect((await db.select().from(jobs).where(eq(jobs.key, stepRunJobKey(s.stepRunId))))[0].state).toBe("done");
    const [entry] = await stepHistory(s.card.id);
    expect(entry.actorId).toBeNull();
    expect(entry.at).toEqual(now);
    expect(entry.data).toEqual({ automationId: s.automation.id, automationName: "Follow-up", stepId: s.step.id, position: 1, action: "email_contact", outcome: "done", emailIds: [emailId], to: ["eva@acme.example"], subject: expect.any(String) });
  });

  it("runs twice → once: a second execution (a repeated job, another runner, Inngest) does nothing", async () => {
    const s = await scenario({ kind: "email_contact", recipient: "all_persons", emailTemplateId: templateId });
    const first = await runStepRun(db, s.stepRunId, now);
    expect(first).toMatchObject({ outcome: "done", emailIds: [stepRunPartId(s.stepRunId, "email:0")] });
    expect(await runStepRun(db, s.stepRunId, now)).toBeNull();
    // The job itself once more, as if its lease ran out after the commit.
    await db.update(jobs).set({ state: "pending", dueAt: now }).where(eq(jobs.key, stepRunJobKey(s.stepRunId)));
    await runJobs();
    expect(await db.select().from(emails).where(eq(emails.cardId, s.card.id))).toHaveLength(1);
    expect(await stepHistory(s.card.id)).toHaveLength(1);
  });

  it("an email to a user goes to the chosen colleague, from the chosen sender", async () => {
    const s = await scenario({ kind: "email_user", recipient: "user", userId: crm.actors.manager.id, emailTemplateId: templateId, sender: "user", senderUserId: crm.actors.admin.id });
    const out = await runStepRun(db, s.stepRunId, now);
    expect(out).toMatchObject({ outcome: "done", kind: "email_user" });
    const [email] = await db.select().from(emails).where(eq(emails.cardId, s.card.id));
    expect(email).toMatchObject({ toAddress: "manager@test.hu", senderId: crm.actors.admin.id, replyTo: "admin@test.hu" });
    expect((await stepHistory(s.card.id))[0].data).toMatchObject({ action: "email_user", outcome: "done", to: ["manager@test.hu"] });
  });

  it("a todo step written in place creates the owner's todo, due at the step's due time, and refreshes the card's next todo", async () => {
    const s = await scenario({ kind: "todo_user", recipient: "card_owner", todoText: "Call back about the offer", todoType: "call" });
    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    const todoId = stepRunPartId(s.stepRunId, "todo");
    const [todo] = await db.select().from(todos).where(eq(todos.cardId, s.card.id));
    expect(todo).toMatchObject({ id: todoId, text: "Call back about the offer", type: "call", assigneeId: crm.actors.normal.id, deadline: dueAt, createdById: null, moduleId: crm.module.id });
    expect((await db.select().from(cards).where(eq(cards.id, s.card.id)))[0]).toMatchObject({ nextTodoId: todoId, nextTodoDeadline: dueAt });
    expect(await stepRun(s.stepRunId)).toMatchObject({ state: "done", todoId });
    expect((await stepHistory(s.card.id))[0].data).toEqual({ automationId: s.automation.id, automationName: "Follow-up", stepId: s.step.id, position: 1, action: "todo_user", outcome: "done", todoId, text: "Call back about the offer", type: "call", assigneeId: crm.actors.normal.id, deadline: dueAt.toISOString() });
  });

  it("a todo step from a template takes its text, type and deadline (days after now, at its time) for the chosen user", async () => {
    const [template] = await db.insert(todoTemplates).values({ moduleId: crm.module.id, text: "Send the contract", type: "email", deadlineDays: 2, deadlineTime: "14:30" }).returning();
    const s = await scenario({ kind: "todo_user", recipient: "user", userId: crm.actors.manager.id, todoTemplateId: template.id });
    await runStepRun(db, s.stepRunId, now);
    const [todo] = await db.select().from(todos).where(eq(todos.cardId, s.card.id));
    // 2026-05-06 14:30 in Budapest (CEST, UTC+2).
    expect(todo).toMatchObject({ text: "Send the contract", type: "email", assigneeId: crm.actors.manager.id, deadline: new Date("2026-05-06T12:30:00Z") });
  });

  it("a position is counted 1-based in the automation's order", async () => {
    const { card } = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id });
    const seeded = await seedAutomation(db, { moduleId: crm.module.id, statusId: crm.statuses.offer.id }, [
      { kind: "todo_user", recipient: "card_owner", todoText: "first" },
      { kind: "todo_user", recipient: "card_owner", todoText: "second" },
    ]);
    const { stepRunIds } = await seedStepRuns(db, { automationId: seeded.automation.id, stepIds: [seeded.steps[1].id], cardIds: [card.id], dueAt });
    await runStepRun(db, stepRunIds[0], now);
    expect((await stepHistory(card.id))[0].data).toMatchObject({ position: 2, stepId: seeded.steps[1].id });
  });

  describe("the re-check skips with a reason, in the same transaction as history and outcome", () => {
    const expectSkipped = async (s: { stepRunId: string; card: { id: string } }, reason: string) => {
      expect(await runStepRun(db, s.stepRunId, now)).toMatchObject({ outcome: "skipped", reason });
      expect(await stepRun(s.stepRunId)).toMatchObject({ state: "skipped", reason, emailIds: null, todoId: null, finishedAt: now });
      expect((await stepHistory(s.card.id)).map((h) => h.data)).toEqual([expect.objectContaining({ outcome: "skipped", reason })]);
      expect(await db.select().from(emails).where(eq(emails.cardId, s.card.id))).toEqual([]);
      expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toEqual([]);
      expect(await runStepRun(db, s.stepRunId, now)).toBeNull(); // and never again
    };
    const emailStep = { kind: "email_contact" as const, recipient: "main_person", emailTemplateId: "" };
    const email = () => ({ ...emailStep, emailTemplateId: templateId });

    it("automation switched off", async () => {
      const s = await scenario(email(), { automation: { state: "off" } });
      await expectSkipped(s, "automation_off");
    });

    it("card left (its enrolment ended, or it no longer qualifies)", async () => {
      const left = await scenario(email());
      await db.execute(sql`update automation_enrolments set state = 'left', left_at = ${now.toISOString()}::timestamptz where id = ${left.enrolmentId}::uuid`);
      await expectSkipped(left, "card_left");
      const moved = await scenario(email());
      await db.update(cards).set({ statusId: crm.statuses.won.id }).where(eq(cards.id, moved.card.id));
      await expectSkipped(moved, "card_left");
    });

    it("card trashed", async () => {
      const s = await scenario(email());
      await db.update(cards).set({ deletedAt: now }).where(eq(cards.id, s.card.id));
      await expectSkipped(s, "card_trashed");
    });

    it("sender deactivated (the card's owner, or the chosen sender); unowned card without a sender", async () => {
      const [gone] = await db.insert(users).values({ email: "gone@test.hu", role: "normal", deactivatedAt: new Date("2026-05-01T00:00:00Z") }).returning();
      await expectSkipped(await scenario(email(), { ownerId: gone.id }), "sender_inactive");
      await expectSkipped(await scenario({ ...email(), sender: "user", senderUserId: gone.id }), "sender_inactive");
      await expectSkipped(await scenario(email(), { ownerId: null }), "sender_inactive");
    });

    it("template trashed (email or todo template)", async () => {
      const trashed = await seedEmailTemplate(db, crm.module.id, { deletedAt: now });
      await expectSkipped(await scenario({ ...emailStep, emailTemplateId: trashed.id }), "template_trashed");
      const [todoTemplate] = await db.insert(todoTemplates).values({ moduleId: crm.module.id, text: "x", deletedAt: now }).returning();
      await expectSkipped(await scenario({ kind: "todo_user", recipient: "card_owner", todoTemplateId: todoTemplate.id }), "template_trashed");
    });

    it("no recipient: no contact address, no owner for the owner's todo, a user who may not see the card", async () => {
      const s = await scenario(email());
      await db.execute(sql`delete from card_contacts where card_id = ${s.card.id}::uuid`);
      await expectSkipped(s, "no_recipient");
      await expectSkipped(await scenario({ kind: "todo_user", recipient: "card_owner", todoText: "x" }, { ownerId: null }), "no_recipient");
      // A restricted user sees only their own cards: a todo on Anna's card would be lost to them.
      await expectSkipped(await scenario({ kind: "todo_user", recipient: "user", userId: crm.actors.restricted.id, todoText: "x" }), "no_recipient");
    });

    it("recipient deactivated, or unsubscribed", async () => {
      const [gone] = await db.insert(users).values({ email: "gone2@test.hu", role: "normal", deactivatedAt: new Date("2026-05-01T00:00:00Z") }).returning();
      await expectSkipped(await scenario({ kind: "todo_user", recipient: "user", userId: gone.id, todoText: "x" }), "recipient_inactive");
      await db.insert(emailSuppressions).values({ address: "eva@acme.example" });
      try {
        await expectSkipped(await scenario(email()), "recipient_unsubscribed");
      } finally {
        await db.delete(emailSuppressions).where(eq(emailSuppressions.address, "eva@acme.example"));
      }
    });
  });

  it("a cancelled step run (the card left first) is not executed, and its job does nothing", async () => {
    const s = await scenario({ kind: "todo_user", recipient: "card_owner", todoText: "x" });
    await db.update(automationStepRuns).set({ state: "cancelled", finishedAt: now }).where(eq(automationStepRuns.id, s.stepRunId));
    await runJobs();
    expect(await stepRun(s.stepRunId)).toMatchObject({ state: "cancelled" });
    expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toEqual([]);
    expect(await stepHistory(s.card.id)).toEqual([]);
  });

  it("nothing is half written when a part fails: one transaction, the step run stays pending for the next attempt", async () => {
    // A step run whose email id is already taken (as if a crashed execution had written it outside a transaction) fails whole.
    const s = await scenario({ kind: "email_contact", recipient: "main_person", emailTemplateId: templateId });
    await db.insert(emails).values({ id: stepRunPartId(s.stepRunId, "email:0"), kind: "system", toAddress: "x@example.com", subject: "s", html: "h", text: "t" });
    await expect(runStepRun(db, s.stepRunId, now)).rejects.toThrow();
    expect(await stepRun(s.stepRunId)).toMatchObject({ state: "pending" });
    expect(await stepHistory(s.card.id)).toEqual([]);
    expect(await db.select().from(jobs).where(inArray(jobs.key, [emailJobKey(stepRunPartId(s.stepRunId, "email:0"))]))).toEqual([]);
  });

  it("after commit, the job tells the card's audience (My todos, the card's emails) and the module's Automations page", async () => {
    // A stand-in for the Socket.IO server that records what would be sent to which rooms.
    const sent: { to: string[] | string; name: string; event: unknown }[] = [];
    const io = { to: (to: string[]) => ({ emit: (name: string, event: unknown) => void sent.push({ to, name, event }) }), emit: (name: string, event: unknown) => void sent.push({ to: "all", name, event }) };
    const g = globalThis as { __crmIo?: unknown; __crmAutomationProgress?: Map<string, unknown> };
    g.__crmIo = io;
    g.__crmAutomationProgress?.clear();
    try {
      const todo = await scenario({ kind: "todo_user", recipient: "card_owner", todoText: "Live" });
      const job = (await db.select().from(jobs).where(eq(jobs.key, stepRunJobKey(todo.stepRunId))))[0];
      expect(await executeStepRun({ db, now, job })).toEqual({ done: true });
      const todoId = stepRunPartId(todo.stepRunId, "todo");
      expect(sent).toContainEqual({ to: expect.arrayContaining([rooms.allCards, rooms.user(crm.actors.normal.id)]), name: changeEventName, event: { kind: "todo.created", cardId: todo.card.id, moduleId: crm.module.id, todoId } });
      expect(sent).toContainEqual({ to: rooms.allContacts, name: changeEventName, event: { kind: "automations.changed", moduleId: crm.module.id, automationId: todo.automation.id } });
      sent.length = 0;
      const mail = await scenario({ kind: "email_contact", recipient: "main_person", emailTemplateId: templateId });
      const mailJob = (await db.select().from(jobs).where(eq(jobs.key, stepRunJobKey(mail.stepRunId))))[0];
      await executeStepRun({ db, now, job: mailJob });
      expect(sent).toContainEqual({ to: expect.arrayContaining([rooms.user(crm.actors.normal.id)]), name: changeEventName, event: { kind: "email.changed", cardId: mail.card.id, moduleId: crm.module.id } });
      // Once done, a repeated job publishes nothing.
      sent.length = 0;
      await executeStepRun({ db, now, job: mailJob });
      expect(sent.filter((s) => s.to !== rooms.allContacts)).toEqual([]);
    } finally {
      g.__crmIo = undefined;
    }
  });

  it.runIf(testDbKind === "postgres")("two executions racing for one step run (two connections): exactly one performs it", async () => {
    const s = await scenario({ kind: "todo_user", recipient: "card_owner", todoText: "race" });
    const results = await Promise.all(Array.from({ length: 6 }, () => runStepRun(db, s.stepRunId, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.select().from(todos).where(eq(todos.cardId, s.card.id))).toHaveLength(1);
    expect(await stepHistory(s.card.id)).toHaveLength(1);
  });

});
