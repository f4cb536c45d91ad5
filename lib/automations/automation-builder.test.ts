import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import {
  automationEnrolments,
  automationEvents,
  automations,
  automationStepRuns,
  automationSteps,
  cards,
  emailTemplates,
  modules,
  statuses,
  todoTemplates,
  users,
} from "@/db/schema";
import { refusal, seedView } from "@/lib/views/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { activateAutomation } from "./activate-automation";
import type { StepInput } from "./automation-input";
import { createAutomation } from "./create-automation";
import { getAutomationDetail } from "./get-automation-detail";
import { getAutomationOrThrow } from "./get-automation-or-throw";
import { listAutomations } from "./list-automations";
import { saveSteps } from "./save-steps";

describe("building automations: create, save steps, reach, list", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let other: { moduleId: string; statusId: string; viewId: string; emailTemplateId: string; todoTemplateId: string };
  let emailTemplateId: string;
  let todoTemplateId: string;
  let sharedViewId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    const [e] = await db.insert(emailTemplates).values({ moduleId: crm.module.id, name: "Offer", subject: "Offer", bodyHtml: "<p>Hi</p>" }).returning();
    const [t] = await db.insert(todoTemplates).values({ moduleId: crm.module.id, text: "Call back" }).returning();
    emailTemplateId = e.id;
    todoTemplateId = t.id;
    sharedViewId = await seedView(db, { moduleId: crm.module.id, createdById: crm.actors.manager.id, shared: true, name: "Big deals" });
    const [m] = await db.insert(modules).values({ name: "Service" }).returning();
    const [s] = await db.insert(statuses).values({ moduleId: m.id, name: "Open", group: "open", position: 0 }).returning();
    const [oe] = await db.insert(emailTemplates).values({ moduleId: m.id, name: "Other", subject: "Other", bodyHtml: "<p>x</p>" }).returning();
    const [ot] = await db.insert(todoTemplates).values({ moduleId: m.id, text: "Other todo" }).returning();
    other = {
      moduleId: m.id,
      statusId: s.id,
      viewId: await seedView(db, { moduleId: m.id, createdById: crm.actors.manager.id, shared: true, name: "Service view" }),
      emailTemplateId: oe.id,
      todoTemplateId: ot.id,
    };
  });

  const count = async (table: typeof automations | typeof automationSteps | typeof automationEvents) => (await db.select().from(table)).length;
  const create = (over: Record<string, unknown> = {}, actor = crm.actors.manager) =>
    createAutomation(ctx(db, actor), { moduleId: crm.module.id, name: "Offer follow-up", trigger: "status", statusId: crm.statuses.offer.id, ...over });
  const emailStep = (over: Partial<StepInput> = {}): StepInput => ({ kind: "email_contact", delayDays: 0, recipient: "main_person", emailTemplateId, ...over });
  const todoStep = (over: Partial<StepInput> = {}): StepInput => ({ kind: "todo_user", delayDays: 2, sendTime: "09:00", recipient: "card_owner", todoTemplateId, ...over });
  const ownerEmail = (over: Partial<StepInput> = {}): StepInput => ({ kind: "email_user", delayDays: 5, recipient: "card_owner", emailTemplateId, ...over });

  describe("createAutomation", () => {
    it("a status automation: a draft, the 'created' event, no scope for a manager", async () => {
      const { automationId, version } = await create();
      const [row] = await db.select().from(automations).where(eq(automations.id, automationId));
      expect(row).toMatchObject({ state: "draft", trigger: "status", statusId: crm.statuses.offer.id, viewId: null, kind: "continuous", onlyNew: false, scopeGroupIds: null, version });
      const events = await db.select().from(automationEvents).where(eq(automationEvents.automationId, automationId));
      expect(events).toMatchObject([{ kind: "created", actorId: crm.actors.manager.id, data: { name: "Offer follow-up", trigger: "status" } }]);
    });

    it("a view automation of a group manager is scoped to their groups; only new cards from a form's 'on'", async () => {
      const { automationId } = await create({ trigger: "view", viewId: sharedViewId, statusId: "", onlyNew: "on" }, crm.actors.groupManagerHu);
      const [row] = await db.select().from(automations).where(eq(automations.id, automationId));
      expect(row).toMatchObject({ trigger: "view", viewId: sharedViewId, statusId: null, onlyNew: true, scopeGroupIds: [crm.groups.hu.id] });
    });

    it("bad input: another module's view or status, someone's private view, no condition, one-time with only new — nothing written", async () => {
      const before = [await count(automations), await count(automationEvents)];
      expect(await refusal(create({ trigger: "view", viewId: other.viewId }))).toMatchObject({ kind: "invalid", code: "automation_view_invalid", fields: { viewId: "automation_view_invalid" } });
      const privateView = await seedView(db, { moduleId: crm.module.id, createdById: crm.actors.admin.id, name: "Mine" });
      expect(await refusal(create({ trigger: "view", viewId: privateView }))).toMatchObject({ code: "automation_view_invalid" });
      expect(await refusal(create({ statusId: other.statusId }))).toMatchObject({ code: "automation_status_invalid", fields: { statusId: "automation_status_invalid" } });
      expect(await refusal(create({ statusId: "" }))).toMatchObject({ code: "required", fields: { statusId: "required" } });
      expect(await refusal(create({ kind: "one_time", onlyNew: true }))).toMatchObject({ code: "automation_only_new_one_time" });
      expect(await refusal(create({ name: " " }))).toMatchObject({ code: "required", fields: { name: "required" } });
      expect(await refusal(create({ moduleId: crypto.randomUUID() }))).toMatchObject({ kind: "not_found", code: "module_not_found" });
      expect([await count(automations), await count(automationEvents)]).toEqual(before);
    });

    it("Normal, Restricted and group-restricted users are refused", async () => {
      const before = await count(automations);
      for (const actor of [crm.actors.normal, crm.actors.restricted, crm.actors.groupRestrictedRo]) expect(await refusal(create({}, actor))).toMatchObject({ kind: "forbidden" });
      expect(await count(automations)).toBe(before);
    });
  });

  describe("saveSteps", () => {
    it("saves the whole sequence and the name; steps keep their ids when sent back; the 'edited' event", async () => {
      const { automationId, version } = await create();
      const saved = await saveSteps(ctx(db, crm.actors.manager), { automationId, version, name: "Offer sent", steps: [emailStep(), todoStep(), ownerEmail()] });
      expect(saved.version).toBe(version + 1);
      const steps = await db.select().from(automationSteps).where(eq(automationSteps.automationId, automationId)).orderBy(automationSteps.position);
      expect(steps).toMatchObject([
        { position: 0, kind: "email_contact", delayDays: 0, sendTime: null, recipient: "main_person", emailTemplateId, todoTemplateId: null, sender: "card_owner" },
        { position: 1, kind: "todo_user", delayDays: 2, sendTime: "09:00", recipient: "card_owner", todoTemplateId, emailTemplateId: null },
        { position: 2, kind: "email_user", delayDays: 5, recipient: "card_owner", emailTemplateId },
      ]);
      // Reordered, one removed, one written in place; ids kept for the steps sent back.
      const again = await saveSteps(ctx(db, crm.actors.manager), {
        automationId,
        version: saved.version,
        name: "Offer sent",
        steps: [
          { ...ownerEmail({ sender: "user", senderUserId: crm.actors.admin.id }), id: steps[2].id },
          { ...emailStep({ todoText: "ignored" }), id: steps[0].id },
          todoStep({ todoTemplateId: "", todoText: "Ring them", todoType: "call", recipient: "user", userId: crm.actors.normal.id, workingDaysOnly: true }),
        ],
      });
      const after = await db.select().from(automationSteps).where(eq(automationSteps.automationId, automationId)).orderBy(automationSteps.position);
      expect(after.map((s) => s.id).slice(0, 2)).toEqual([steps[2].id, steps[0].id]);
      expect(after[0]).toMatchObject({ sender: "user", senderUserId: crm.actors.admin.id });
      expect(after[1]).toMatchObject({ todoText: null });
      expect(after[2]).toMatchObject({ kind: "todo_user", todoTemplateId: null, todoText: "Ring them", todoType: "call", userId: crm.actors.normal.id, workingDaysOnly: true });
      expect(after.some((s) => s.id === steps[1].id)).toBe(false);
      const [row] = await db.select().from(automations).where(eq(automations.id, automationId));
      expect(row).toMatchObject({ name: "Offer sent", version: again.version });
      const events = await db.select().from(automationEvents).where(eq(automationEvents.automationId, automationId)).orderBy(automationEvents.id);
      expect(events.map((e) => e.kind)).toEqual(["created", "edited", "edited"]);
      expect(events[1].data).toMatchObject({ name: "Offer sent", previousName: "Offer follow-up", steps: 3, previousSteps: 0 });
    });

    it("bad input: another module's template, delay −1 or 10,000, 25:61, 500 steps, an inactive user, a stale version — nothing written", async () => {
      const { automationId, version } = await create();
      await saveSteps(ctx(db, crm.actors.manager), { automationId, version, name: "Kept", steps: [emailStep()] });
      const save = (steps: StepInput[], v = version + 1) => saveSteps(ctx(db, crm.actors.manager), { automationId, version: v, name: "Changed", steps });
      const snapshot = async () => [await db.select().from(automationSteps).where(eq(automationSteps.automationId, automationId)), await count(automationEvents)];
      const before = await snapshot();
      expect(await refusal(save([emailStep(), emailStep({ emailTemplateId: other.emailTemplateId })]))).toMatchObject({
        kind: "invalid",
        code: "automation_template_invalid",
        fields: { "steps.1.emailTemplateId": "automation_template_invalid" },
      });
      expect(await refusal(save([todoStep({ todoTemplateId: other.todoTemplateId })]))).toMatchObject({ fields: { "steps.0.todoTemplateId": "automation_template_invalid" } });
      expect(await refusal(save([emailStep({ delayDays: -1 })]))).toMatchObject({ code: "automation_delay_range", fields: { "steps.0.delayDays": "automation_delay_range" } });
      expect(await refusal(save([emailStep({ delayDays: 10_000 })]))).toMatchObject({ code: "automation_delay_range" });
      expect(await refusal(save([emailStep({ sendTime: "25:61" })]))).toMatchObject({ code: "automation_time_invalid", fields: { "steps.0.sendTime": "automation_time_invalid" } });
      expect(await refusal(save(Array.from({ length: 500 }, () => emailStep())))).toMatchObject({ code: "automation_too_many_steps", fields: { steps: "automation_too_many_steps" } });
      expect(await refusal(save([emailStep({ recipient: "card_owner" })]))).toMatchObject({ fields: { "steps.0.recipient": "invalid_input" } });
      expect(await refusal(save([todoStep({ todoTemplateId: null, todoText: null })]))).toMatchObject({ fields: { "steps.0.todoText": "required" } });
      const [gone] = await db.insert(users).values({ email: "gone@test.hu", role: "normal", firstName: "Gone", lastName: "Test", deactivatedAt: new Date("2026-01-01") }).returning();
      expect(await refusal(save([ownerEmail({ recipient: "user", userId: gone.id })]))).toMatchObject({ code: "inactive_user", fields: { "steps.0.userId": "inactive_user" } });
      expect(await refusal(save([emailStep({ sender: "user", senderUserId: gone.id })]))).toMatchObject({ fields: { "steps.0.senderUserId": "inactive_user" } });
      const [trashed] = await db.insert(emailTemplates).values({ moduleId: crm.module.id, name: "Old", subject: "Old", bodyHtml: "<p>x</p>", deletedAt: new Date("2026-01-01") }).returning();
      expect(await refusal(save([emailStep({ emailTemplateId: trashed.id })]))).toMatchObject({ code: "automation_template_invalid" });
      expect(await refusal(save([emailStep()], version))).toMatchObject({ kind: "conflict", code: "automation_changed" });
      expect(await snapshot()).toEqual(before);
      // Two editors from the same version: the second is told someone saved in the meantime.
      await save([emailStep(), emailStep()]);
      expect(await refusal(save([emailStep()]))).toMatchObject({ code: "automation_changed" });
    });

    it("an active automation is read-only: 'automation_active'", async () => {
      const { automationId, version } = await create();
      await db.update(automations).set({ state: "active" }).where(eq(automations.id, automationId));
      expect(await refusal(saveSteps(ctx(db, crm.actors.manager), { automationId, version, name: "X", steps: [emailStep()] }))).toMatchObject({ kind: "conflict", code: "automation_active" });
      expect(await db.select().from(automationSteps).where(eq(automationSteps.automationId, automationId))).toEqual([]);
      // Switched off: editable again.
      await db.update(automations).set({ state: "off" }).where(eq(automations.id, automationId));
      await expect(saveSteps(ctx(db, crm.actors.manager), { automationId, version, name: "X", steps: [emailStep()] })).resolves.toMatchObject({ version: version + 1 });
    });

    it("a Normal user's save is refused; a group manager cannot reach an unscoped automation", async () => {
      const { automationId, version } = await create();
      const steps = [emailStep()];
      expect(await refusal(saveSteps(ctx(db, crm.actors.normal), { automationId, version, name: "X", steps }))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(saveSteps(ctx(db, crm.actors.groupManagerHu), { automationId, version, name: "X", steps }))).toMatchObject({ kind: "not_found", code: "automation_not_found" });
      expect(await db.select().from(automationSteps).where(eq(automationSteps.automationId, automationId))).toEqual([]);
    });

    it("activating an automation with no steps is refused, nothing written", async () => {
      const { automationId } = await create();
      expect(await refusal(activateAutomation(ctx(db, crm.actors.manager), { automationId }))).toMatchObject({ code: "automation_no_steps" });
      const [row] = await db.select().from(automations).where(eq(automations.id, automationId));
      expect(row.state).toBe("draft");
      expect(await db.select().from(automationEvents).where(eq(automationEvents.automationId, automationId))).toHaveLength(1); // "created" only
    });
  });

  describe("getAutomationOrThrow", () => {
    it("group managers reach only automations scoped within their groups; malformed and unknown ids are not found", async () => {
      const mine = await create({}, crm.actors.groupManagerHu);
      const managers = await create();
      const [roScoped] = await db
        .insert(automations)
        .values({ moduleId: crm.module.id, name: "RO", trigger: "status", statusId: crm.statuses.offer.id, scopeGroupIds: [crm.groups.ro.id] })
        .returning();
      const gm = ctx(db, crm.actors.groupManagerHu);
      await expect(getAutomationOrThrow(gm, mine.automationId)).resolves.toMatchObject({ id: mine.automationId });
      for (const id of [managers.automationId, roScoped.id, "nope", crypto.randomUUID()]) expect(await refusal(getAutomationOrThrow(gm, id))).toMatchObject({ kind: "not_found", code: "automation_not_found" });
      await expect(getAutomationOrThrow(ctx(db, crm.actors.admin), mine.automationId)).resolves.toMatchObject({ id: mine.automationId });
      expect(await refusal(getAutomationOrThrow(ctx(db, crm.actors.admin), mine.automationId, { moduleId: other.moduleId }))).toMatchObject({ code: "automation_not_found" });
      expect(await refusal(getAutomationOrThrow(ctx(db, crm.actors.normal), mine.automationId))).toMatchObject({ kind: "forbidden" });
      const detail = await getAutomationDetail(gm, mine.automationId);
      expect(detail).toMatchObject({ statusName: "Offer sent", steps: [], events: [{ kind: "created", actorName: expect.stringContaining("gm-hu") }] });
    });
  });

  describe("listAutomations", () => {
    it("counts steps, cards enrolled with steps, step runs done / pending / skipped, and flags an inactive sender", async () => {
      const [m] = await db.insert(modules).values({ name: "Counted" }).returning();
      const [s] = await db.insert(statuses).values({ moduleId: m.id, name: "In", group: "open", position: 0 }).returning();
      const [e] = await db.insert(emailTemplates).values({ moduleId: m.id, name: "E", subject: "E", bodyHtml: "<p>E</p>" }).returning();
      const mk = (name: string, actor = crm.actors.manager) => createAutomation(ctx(db, actor, new Date(Date.UTC(2026, 4, 4, 10, name.charCodeAt(0)))), { moduleId: m.id, name, trigger: "status", statusId: s.id });
      const a = await mk("A");
      const b = await mk("B");
      const g = await mk("G", crm.actors.groupManagerHu);
      const [sender] = await db.insert(users).values({ email: "sender@test.hu", role: "manager", firstName: "Sender", lastName: "Test" }).returning();
      await saveSteps(ctx(db, crm.actors.manager), {
        automationId: a.automationId,
        version: a.version,
        name: "A",
        steps: [
          { kind: "email_contact", delayDays: 0, recipient: "main_person", emailTemplateId: e.id, sender: "user", senderUserId: sender.id },
          { kind: "todo_user", delayDays: 1, recipient: "card_owner", todoText: "Call" },
        ],
      });
      await db.update(users).set({ deactivatedAt: new Date("2026-05-01") }).where(eq(users.id, sender.id));
      const steps = await db.select().from(automationSteps).where(eq(automationSteps.automationId, a.automationId)).orderBy(automationSteps.position);
      const cardRows = await db
        .insert(cards)
        .values(Array.from({ length: 3 }, (_, i) => ({ moduleId: m.id, statusId: s.id, name: `Card ${i}` })))
        .returning();
      const enrolled = await db
        .insert(automationEnrolments)
        .values([
          { automationId: a.automationId, cardId: cardRows[0].id, enteredAt: new Date("2026-05-01") },
          { automationId: a.automationId, cardId: cardRows[1].id, enteredAt: new Date("2026-05-01") },
          { automationId: a.automationId, cardId: cardRows[2].id, enteredAt: new Date("2026-05-01"), withSteps: false },
          { automationId: a.automationId, cardId: cardRows[2].id, enteredAt: new Date("2026-04-01"), state: "left", leftAt: new Date("2026-04-02") },
        ])
        .returning();
      const run = (i: number, step: number, state: "pending" | "done" | "skipped" | "cancelled") => ({
        automationId: a.automationId,
        stepId: steps[step].id,
        enrolmentId: enrolled[i].id,
        cardId: enrolled[i].cardId,
        dueAt: new Date("2026-05-02"),
        state,
      });
      await db.insert(automationStepRuns).values([run(0, 0, "done"), run(0, 1, "pending"), run(1, 0, "skipped"), run(1, 1, "pending"), run(3, 0, "cancelled"), run(3, 1, "cancelled")]);

      const list = await listAutomations(ctx(db, crm.actors.manager), m.id);
      expect(list.map((r) => r.name)).toEqual(["G", "B", "A"]);
      expect(list.find((r) => r.id === a.automationId)).toMatchObject({ statusName: "In", steps: 2, enrolled: 2, done: 1, pending: 2, skipped: 1, senderInactive: true, state: "draft" });
      expect(list.find((r) => r.id === b.automationId)).toMatchObject({ steps: 0, enrolled: 0, done: 0, pending: 0, skipped: 0, senderInactive: false });
      // A group manager sees their own; Normal users none; an unknown module has none.
      expect((await listAutomations(ctx(db, crm.actors.groupManagerHu), m.id)).map((r) => r.id)).toEqual([g.automationId]);
      expect(await refusal(listAutomations(ctx(db, crm.actors.normal), m.id))).toMatchObject({ kind: "forbidden" });
      expect(await listAutomations(ctx(db, crm.actors.manager), "bad")).toEqual([]);
    });
  });
});
