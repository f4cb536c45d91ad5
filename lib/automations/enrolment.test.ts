import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  automationEnrolments,
  automationEvents,
  automations,
  automationStepRuns,
  automationSteps,
  cards,
  emailTemplates,
  groups,
  history,
  jobs,
  type AutomationKind,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { restoreCard, trashCard } from "@/lib/cards/trash-card";
import { updateCard } from "@/lib/cards/update-card";
import { recordHistory } from "@/lib/history/record-history";
import { emptyViewDefinition } from "@/lib/views/definition";
import { refusal, seedView } from "@/lib/views/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { activateAutomation, switchOffAutomation } from "./activate-automation";
import { automationStepJob, automationSweepJob, stepRunJobKey } from "./jobs";
import { previewAutomation } from "./preview-automation";
import { qualifyingCards } from "./qualify";
import { nextSweepSlot, sweepEnrolments, sweepJobKey } from "./sweep-enrolments";
import { reentryCooldownMs } from "./sync-enrolments";

const hour = 60 * 60 * 1000;
const day = 24 * hour;

type StepSeed = Partial<typeof automationSteps.$inferInsert>;
const todoStep = (delayDays: number, sendTime: string | null = null, extra: StepSeed = {}): StepSeed => ({
  kind: "todo_user",
  delayDays,
  sendTime,
  recipient: "card_owner",
  todoText: `Follow up on day ${delayDays}`,
  todoType: "call",
  ...extra,
});

describe("automation enrolment: one path for every card write", async () => {
  const db: Db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let manager: Actor;
  let salesperson: Actor;
  /** The injectable clock: every verb gets `now`. Monday 4 May 2026, 12:00 Budapest. */
  let now: Date;
  const as = (actor: Actor) => ctx(db, actor, now);
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeAll(async () => {
    crm = await seedCrm(db);
    manager = crm.actors.manager;
    salesperson = crm.actors.normal;
  });
  beforeEach(async () => {
    now = new Date("2026-05-04T10:00:00Z");
    // Each test starts with no automations (earlier ones' rows would enrol cards of the same module).
    await db.update(automations).set({ state: "off" });
    // …and no live cards (a raw write: no enrolment path runs), so activations see only this test's cards.
    await db.update(cards).set({ deletedAt: now });
  });

  async function seedAutomation(
    over: Partial<typeof automations.$inferInsert> & { steps?: StepSeed[] } = {},
  ): Promise<typeof automations.$inferSelect> {
    const { steps = [todoStep(0), todoStep(2, "09:00"), todoStep(5)], ...rest } = over;
    const [row] = await db
      .insert(automations)
      .values({ moduleId: crm.module.id, name: "Offer follow-up", trigger: "status", statusId: crm.statuses.offer.id, createdById: manager.id, ...rest })
      .returning();
    if (steps.length) {
      await db.insert(automationSteps).values(steps.map((s, i) => ({ automationId: row.id, position: i, kind: "todo_user" as const, recipient: "card_owner", ...s })));
    }
    return row;
  }
  async function activeAutomation(over: Parameters<typeof seedAutomation>[0] = {}) {
    const row = await seedAutomation(over);
    await activateAutomation(as(manager), { automationId: row.id });
    return row;
  }
  const newCard = async (name: string, statusId = crm.statuses.lead.id, extra: Record<string, unknown> = {}) =>
    (await createCard(as(salesperson), { moduleId: crm.module.id, name, statusId, ...extra })).cardId;
  const version = async (cardId: string) => (await db.select({ v: cards.version }).from(cards).where(eq(cards.id, cardId)))[0].v;
  const move = async (cardId: string, statusId: string) => updateCard(as(salesperson), { cardId, version: await version(cardId), statusId });
  const enrolmentsOf = (automationId: string, cardId?: string) =>
    db
      .select()
      .from(automationEnrolments)
      .where(and(eq(automationEnrolments.automationId, automationId), cardId ? eq(automationEnrolments.cardId, cardId) : undefined))
      .orderBy(asc(automationEnrolments.enteredAt));
  const runsOf = (automationId: string, cardId?: string) =>
    db
      .select({ id: automationStepRuns.id, state: automationStepRuns.state, dueAt: automationStepRuns.dueAt, enrolmentId: automationStepRuns.enrolmentId, stepId: automationStepRuns.stepId })
      .from(automationStepRuns)
      .where(and(eq(automationStepRuns.automationId, automationId), cardId ? eq(automationStepRuns.cardId, cardId) : undefined))
      .orderBy(asc(automationStepRuns.dueAt));
  const jobsOf = async (runIds: string[]) =>
    runIds.length ? db.select().from(jobs).where(inArray(jobs.key, runIds.map(stepRunJobKey))) : [];

  describe("a status automation", () => {
    it("a card that slipped past activation (written in the same instant, so neither saw the other) is enrolled by the next sweep", async () => {
      const automation = await activeAutomation({ steps: [todoStep(1)] });
      // A raw write stands in for the racing card write: the card is now in the status, no enrolment path ran.
      const cardId = await newCard("Racer");
      await db.update(cards).set({ statusId: crm.statuses.offer.id }).where(eq(cards.id, cardId));
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(0);
      const slot = nextSweepSlot(now);
      const [job] = await db.select().from(jobs).where(eq(jobs.key, sweepJobKey(slot)));
      expect(job).toMatchObject({ kind: automationSweepJob, state: "pending" });
      later(10 * 60 * 1000);
      await sweepEnrolments({ db, now, job });
      expect((await enrolmentsOf(automation.id, cardId)).map((e) => [e.state, e.withSteps])).toEqual([["active", true]]);
      expect((await runsOf(automation.id, cardId)).map((r) => r.state)).toEqual(["pending"]);
    });

    it("a card moving into the status enters: one step run and one job per step, timed in the organisation's zone", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Acme");
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(0);
      later(hour);
      await move(cardId, crm.statuses.offer.id);
      const [enrolment] = await enrolmentsOf(automation.id, cardId);
      expect(enrolment).toMatchObject({ state: "active", withSteps: true, enteredAt: now });
      const runs = await runsOf(automation.id, cardId);
      // entered Monday 13:00 local: day 0 at once, day 2 at 09:00 local (07:00Z), day 5 at 13:00 local
      expect(runs.map((r) => [r.state, r.dueAt.toISOString()])).toEqual([
        ["pending", "2026-05-04T11:00:00.000Z"],
        ["pending", "2026-05-06T07:00:00.000Z"],
        ["pending", "2026-05-09T11:00:00.000Z"],
      ]);
      const stepJobs = await jobsOf(runs.map((r) => r.id));
      expect(stepJobs).toHaveLength(3);
      for (const run of runs) {
        expect(stepJobs.find((j) => j.key === stepRunJobKey(run.id))).toMatchObject({ kind: automationStepJob, state: "pending", dueAt: run.dueAt, payload: { stepRunId: run.id } });
      }
      // Enrolment is not card history: nothing but the status change was recorded.
      const kinds = (await db.select({ kind: history.kind }).from(history).where(eq(history.cardId, cardId))).map((h) => h.kind);
      expect(kinds).toEqual(["card_created", "status_changed"]);
    });

    it("created straight into the status: entered; moving out cancels its pending step runs and their jobs", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Born in offer", crm.statuses.offer.id);
      expect(await runsOf(automation.id, cardId)).toHaveLength(3);
      later(hour);
      await move(cardId, crm.statuses.won.id);
      const [enrolment] = await enrolmentsOf(automation.id, cardId);
      expect(enrolment).toMatchObject({ state: "left", leftAt: now });
      const runs = await runsOf(automation.id, cardId);
      expect(runs.map((r) => r.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
      expect((await jobsOf(runs.map((r) => r.id))).map((j) => j.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
    });

    it("other writes while inside change nothing; a step run already done stays done when the card leaves", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Steady", crm.statuses.offer.id);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), name: "Steady Kft." });
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(1);
      expect(await runsOf(automation.id, cardId)).toHaveLength(3);
      const [first] = await runsOf(automation.id, cardId);
      await db.update(automationStepRuns).set({ state: "done", finishedAt: now }).where(eq(automationStepRuns.id, first.id));
      await move(cardId, crm.statuses.lead.id);
      expect((await runsOf(automation.id, cardId)).map((r) => r.state)).toEqual(["done", "cancelled", "cancelled"]);
    });

    it("import-style bulk: 40 cards created one by one, and 600 cards in ONE recordHistory call", async () => {
      const automation = await activeAutomation({ steps: [todoStep(0), todoStep(1, "09:00")] });
      const created: string[] = [];
      for (let i = 0; i < 40; i++) created.push(await newCard(`Imported ${i}`, crm.statuses.offer.id));
      expect((await enrolmentsOf(automation.id)).filter((e) => created.includes(e.cardId))).toHaveLength(40);

      const rows = await db
        .insert(cards)
        .values(Array.from({ length: 600 }, (_, i) => ({ moduleId: crm.module.id, statusId: crm.statuses.offer.id, ownerId: salesperson.id, name: `Bulk ${i}`, createdAt: now, updatedAt: now })))
        .returning({ id: cards.id });
      await db.transaction((tx) => recordHistory(tx, salesperson.id, now, rows.map((r) => ({ cardId: r.id, kind: "card_created" as const, data: { version: 1 } }))));
      const bulk = (await enrolmentsOf(automation.id)).filter((e) => rows.some((r) => r.id === e.cardId));
      expect(bulk).toHaveLength(600);
      const runs = await db.select({ id: automationStepRuns.id }).from(automationStepRuns).where(inArray(automationStepRuns.enrolmentId, bulk.map((e) => e.id)));
      expect(runs).toHaveLength(1200);
      expect(await jobsOf(runs.map((r) => r.id))).toHaveLength(1200);
      // Recording again (an import's second pass) enrols nobody twice.
      await db.transaction((tx) => recordHistory(tx, salesperson.id, now, rows.map((r) => ({ cardId: r.id, kind: "field_changed" as const }))));
      expect((await enrolmentsOf(automation.id)).filter((e) => rows.some((r) => r.id === e.cardId))).toHaveLength(600);
    });

    it("entries that do not change a card (email, note, automation step) do not re-check it", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Quiet", crm.statuses.offer.id);
      // Behind recordHistory's back, as a raw status write would be.
      await db.update(cards).set({ statusId: crm.statuses.won.id }).where(eq(cards.id, cardId));
      await db.transaction((tx) => recordHistory(tx, null, now, [{ cardId, kind: "automation_step" }, { cardId, kind: "note" }]));
      expect((await enrolmentsOf(automation.id, cardId))[0].state).toBe("active");
      await db.transaction((tx) => recordHistory(tx, null, now, [{ cardId, kind: "field_changed" }]));
      expect((await enrolmentsOf(automation.id, cardId))[0].state).toBe("left");
    });
  });

  describe("re-entry, trash and restore", () => {
    it("back within 24 hours: inside without steps (no second mail); back after 24 hours: a newcomer with steps", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Bouncer", crm.statuses.offer.id);
      later(hour);
      await move(cardId, crm.statuses.lead.id); // a mis-click…
      later(5 * 60 * 1000);
      await move(cardId, crm.statuses.offer.id); // …put back
      let enrolments = await enrolmentsOf(automation.id, cardId);
      expect(enrolments.map((e) => [e.state, e.withSteps])).toEqual([
        ["left", true],
        ["active", false],
      ]);
      expect((await runsOf(automation.id, cardId)).filter((r) => r.state === "pending")).toHaveLength(0);
      // Later edits while inside do not enrol it either.
      later(2 * day);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), name: "Bouncer Zrt." });
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(2);
      // Out and in again, more than 24 hours after the entry with steps: steps from the start.
      await move(cardId, crm.statuses.lead.id);
      later(hour);
      await move(cardId, crm.statuses.offer.id);
      enrolments = await enrolmentsOf(automation.id, cardId);
      expect(enrolments.map((e) => [e.state, e.withSteps])).toEqual([
        ["left", true],
        ["left", false],
        ["active", true],
      ]);
      const pending = (await runsOf(automation.id, cardId)).filter((r) => r.state === "pending");
      expect(pending).toHaveLength(3);
      expect(pending.every((r) => r.enrolmentId === enrolments[2].id)).toBe(true);
      expect(reentryCooldownMs).toBe(day);
    });

    it("trash leaves (step runs cancelled); restore within 24 h is silent, after 24 h a new enrolment", async () => {
      const automation = await activeAutomation();
      const cardId = await newCard("Binned", crm.statuses.offer.id);
      later(hour);
      await trashCard(as(salesperson), { cardId });
      expect((await enrolmentsOf(automation.id, cardId))[0].state).toBe("left");
      expect((await runsOf(automation.id, cardId)).map((r) => r.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
      later(hour);
      await restoreCard(as(manager), { cardId });
      expect((await enrolmentsOf(automation.id, cardId)).map((e) => [e.state, e.withSteps])).toEqual([
        ["left", true],
        ["active", false],
      ]);
      await trashCard(as(salesperson), { cardId });
      later(2 * day);
      await restoreCard(as(manager), { cardId });
      const enrolments = await enrolmentsOf(automation.id, cardId);
      expect(enrolments.map((e) => [e.state, e.withSteps])).toEqual([
        ["left", true],
        ["left", false],
        ["active", true],
      ]);
      expect((await runsOf(automation.id, cardId)).filter((r) => r.state === "pending")).toHaveLength(3);
    });
  });

  describe("a view automation", () => {
    it("a field change makes a card match (enters) and stop matching (leaves)", async () => {
      const viewId = await seedView(db, {
        moduleId: crm.module.id,
        createdById: manager.id,
        shared: true,
        name: "Web leads",
        definition: { ...emptyViewDefinition(), filter: { on: "group", join: "and", conditions: [{ on: "field", fieldId: crm.fields.source.id, op: "any_of", choiceIds: ["web"] }] } },
      });
      const automation = await activeAutomation({ trigger: "view", statusId: null, viewId });
      const cardId = await newCard("From the fair", crm.statuses.lead.id, { values: { [crm.fields.source.id]: "fair" } });
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(0);
      later(hour);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), values: { [crm.fields.source.id]: "web" } });
      expect((await enrolmentsOf(automation.id, cardId)).map((e) => e.state)).toEqual(["active"]);
      expect(await runsOf(automation.id, cardId)).toHaveLength(3);
      expect(await qualifyingCards(db, automation, [cardId], now)).toEqual(new Set([cardId]));
      later(hour);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), values: { [crm.fields.source.id]: "fair" } });
      expect((await enrolmentsOf(automation.id, cardId)).map((e) => e.state)).toEqual(["left"]);
      expect((await runsOf(automation.id, cardId)).map((r) => r.state)).toEqual(["cancelled", "cancelled", "cancelled"]);
      expect(await qualifyingCards(db, automation, [cardId], now)).toEqual(new Set());
    });

    it("the sweep: a condition that turns true with time alone enrols without any write; the sweep re-enqueues itself", async () => {
      const viewId = await seedView(db, {
        moduleId: crm.module.id,
        createdById: manager.id,
        shared: true,
        name: "Stale offers",
        definition: {
          ...emptyViewDefinition(),
          filter: { on: "group", join: "and", conditions: [{ on: "status", op: "any_of", statusIds: [crm.statuses.lead.id] }, { on: "date", column: "last_activity", op: "more_than_days_ago", days: 7 }] },
        },
      });
      const cardId = await newCard("Forgotten", crm.statuses.lead.id);
      const automation = await activeAutomation({ trigger: "view", statusId: null, viewId, steps: [todoStep(0)] });
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(0);
      const slot = nextSweepSlot(now);
      expect(await db.select().from(jobs).where(eq(jobs.key, sweepJobKey(slot)))).toMatchObject([{ kind: automationSweepJob, state: "pending", dueAt: slot }]);

      later(9 * day);
      const [job] = await db.select().from(jobs).where(eq(jobs.key, sweepJobKey(slot)));
      expect(await sweepEnrolments({ db, now, job })).toEqual({ done: true });
      expect((await enrolmentsOf(automation.id, cardId)).map((e) => [e.state, e.withSteps])).toEqual([["active", true]]);
      expect(await runsOf(automation.id, cardId)).toHaveLength(1);
      expect(await db.select({ key: jobs.key }).from(jobs).where(eq(jobs.key, sweepJobKey(nextSweepSlot(now))))).toHaveLength(1);

      // Activity brings it out at once (the card write), the sweep agrees and changes nothing.
      later(hour);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), name: "Remembered" });
      expect((await enrolmentsOf(automation.id, cardId))[0].state).toBe("left");
      await sweepEnrolments({ db, now, job });
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(1);

      // Switched off: the sweep finds nothing to do and does not re-enqueue (the chain ends).
      await switchOffAutomation(as(manager), { automationId: automation.id });
      later(day);
      await sweepEnrolments({ db, now, job });
      expect(await db.select({ key: jobs.key }).from(jobs).where(eq(jobs.key, sweepJobKey(nextSweepSlot(now))))).toHaveLength(0);
    });

    it("a trashed view: nobody qualifies, cards inside leave at their next write", async () => {
      const viewId = await seedView(db, { moduleId: crm.module.id, createdById: manager.id, shared: true, name: "Everything", definition: emptyViewDefinition() });
      const automation = await activeAutomation({ trigger: "view", statusId: null, viewId, steps: [todoStep(3)] });
      const cardId = await newCard("In everything");
      expect(await enrolmentsOf(automation.id, cardId)).toHaveLength(1);
      await db.execute(sql`update views set deleted_at = now() where id = ${viewId}`);
      await updateCard(as(salesperson), { cardId, version: await version(cardId), name: "Still here" });
      expect((await enrolmentsOf(automation.id, cardId))[0].state).toBe("left");
    });
  });

  describe("activation and switching off", () => {
    it("activation enrols the cards qualifying now, with steps; records the event; switch off cancels and ends all", async () => {
      const inside = [await newCard("Early A", crm.statuses.offer.id), await newCard("Early B", crm.statuses.offer.id)];
      const outside = await newCard("Elsewhere", crm.statuses.lead.id);
      const automation = await seedAutomation();
      const result = await activateAutomation(as(manager), { automationId: automation.id });
      expect(result).toMatchObject({ automationId: automation.id, moduleId: crm.module.id });
      const enrolled = await enrolmentsOf(automation.id);
      expect(enrolled.map((e) => e.cardId).sort()).toEqual(expect.arrayContaining(inside.sort()));
      expect(enrolled.some((e) => e.cardId === outside)).toBe(false);
      expect(result.enrolled).toBe(enrolled.length);
      expect(enrolled.every((e) => e.withSteps)).toBe(true);
      const [row] = await db.select().from(automations).where(eq(automations.id, automation.id));
      expect(row).toMatchObject({ state: "active", activatedAt: now, activatedById: manager.id });

      later(hour);
      const runs = await runsOf(automation.id);
      await db.update(automationStepRuns).set({ state: "done" }).where(eq(automationStepRuns.id, runs[0].id));
      const off = await switchOffAutomation(as(manager), { automationId: automation.id });
      expect(off.cancelled).toBe(runs.length - 1);
      expect((await enrolmentsOf(automation.id)).every((e) => e.state === "left" && e.leftAt?.getTime() === now.getTime())).toBe(true);
      const after = await runsOf(automation.id);
      expect(after.filter((r) => r.state === "pending")).toHaveLength(0);
      // (The run marked done by hand keeps its job: only pending runs' jobs are called off.)
      expect((await jobsOf(after.filter((r) => r.state === "cancelled").map((r) => r.id))).map((j) => j.state)).toEqual(Array(runs.length - 1).fill("cancelled"));
      const events = await db.select().from(automationEvents).where(eq(automationEvents.automationId, automation.id)).orderBy(asc(automationEvents.id));
      expect(events.map((e) => [e.kind, e.actorId])).toEqual([
        ["activated", manager.id],
        ["switched_off", manager.id],
      ]);
      expect(events[1].data).toMatchObject({ cancelled: runs.length - 1, left: enrolled.length });

      // Off: a card entering the status now is not enrolled.
      const late = await newCard("Too late", crm.statuses.offer.id);
      expect(await enrolmentsOf(automation.id, late)).toHaveLength(0);
    });

    it("only new cards: those inside at activation are noted without steps; a newcomer gets steps; leaving and returning counts as new", async () => {
      const early = await newCard("Already there", crm.statuses.offer.id);
      const automation = await activeAutomation({ onlyNew: true });
      expect((await enrolmentsOf(automation.id, early)).map((e) => [e.state, e.withSteps])).toEqual([["active", false]]);
      expect(await runsOf(automation.id, early)).toHaveLength(0);
      const fresh = await newCard("Newcomer", crm.statuses.offer.id);
      expect(await runsOf(automation.id, fresh)).toHaveLength(3);
      // An early card that leaves and comes back — even soon — is new now (it never got the steps).
      later(hour);
      await move(early, crm.statuses.lead.id);
      later(hour);
      await move(early, crm.statuses.offer.id);
      expect((await enrolmentsOf(automation.id, early)).map((e) => [e.state, e.withSteps])).toEqual([
        ["left", false],
        ["active", true],
      ]);
      expect(await runsOf(automation.id, early)).toHaveLength(3);
    });

    it("one-time: the cards matching at activation only; a card arriving later is not enrolled, one leaving loses its steps", async () => {
      const [a, b] = [await newCard("Mass A", crm.statuses.offer.id), await newCard("Mass B", crm.statuses.offer.id)];
      const automation = await activeAutomation({ kind: "one_time" satisfies AutomationKind, steps: [todoStep(1, "10:00")] });
      expect((await enrolmentsOf(automation.id)).map((e) => e.cardId)).toEqual(expect.arrayContaining([a, b]));
      const arriving = await newCard("Mass C", crm.statuses.offer.id);
      expect(await enrolmentsOf(automation.id, arriving)).toHaveLength(0);
      await move(a, crm.statuses.won.id);
      expect((await enrolmentsOf(automation.id, a))[0].state).toBe("left");
      expect((await runsOf(automation.id, a))[0].state).toBe("cancelled");
      await move(a, crm.statuses.offer.id); // back: one-time automations never enrol again
      expect(await enrolmentsOf(automation.id, a)).toHaveLength(1);
    });

    it("a group manager's automation enrols only their groups' cards; the owner's group calendar times its steps", async () => {
      await db.update(groups).set({ timeZone: "Europe/Lisbon" }).where(eq(groups.id, crm.groups.hu.id));
      try {
        const gm = crm.actors.groupManagerHu;
        const automation = await seedAutomation({ scopeGroupIds: [crm.groups.hu.id], createdById: gm.id, steps: [todoStep(1, "09:00")] });
        await activateAutomation(as(gm), { automationId: automation.id });
        const ours = await newCard("Hungarian", crm.statuses.offer.id); // owned by the salesperson, in group HU
        const theirs = await newCard("Romanian", crm.statuses.offer.id, { ownerId: crm.actors.groupRestrictedRo.id });
        expect((await enrolmentsOf(automation.id)).map((e) => e.cardId)).toEqual([ours]);
        void theirs;
        // 09:00 in Lisbon (UTC+1 in May) = 08:00Z
        expect((await runsOf(automation.id, ours)).map((r) => r.dueAt.toISOString())).toEqual(["2026-05-05T08:00:00.000Z"]);
        // Another group manager (or a group manager outside the scope) does not reach it.
        expect(await refusal(switchOffAutomation(as(crm.actors.groupManagerHu), { automationId: (await seedAutomation()).id }))).toMatchObject({ kind: "not_found", code: "automation_not_found" });
      } finally {
        await db.update(groups).set({ timeZone: null }).where(eq(groups.id, crm.groups.hu.id));
      }
    });

    it("refusals: no steps, already active, not active, a Normal user, a trashed template, an unknown id — nothing written", async () => {
      const empty = await seedAutomation({ steps: [] });
      expect(await refusal(activateAutomation(as(manager), { automationId: empty.id }))).toMatchObject({ kind: "invalid", code: "automation_no_steps" });
      const draft = await seedAutomation();
      expect(await refusal(activateAutomation(as(salesperson), { automationId: draft.id }))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(switchOffAutomation(as(manager), { automationId: draft.id }))).toMatchObject({ kind: "conflict", code: "automation_not_active" });
      expect(await refusal(activateAutomation(as(manager), { automationId: crypto.randomUUID() }))).toMatchObject({ kind: "not_found", code: "automation_not_found" });
      expect(await refusal(activateAutomation(as(manager), { automationId: "nope" }))).toMatchObject({ kind: "invalid", code: "invalid_input" });
      const [template] = await db
        .insert(emailTemplates)
        .values({ moduleId: crm.module.id, name: "Offer", subject: "Offer", bodyHtml: "<p>Hi</p>", deletedAt: now })
        .returning();
      const mailing = await seedAutomation({ steps: [{ kind: "email_contact", recipient: "main_person", emailTemplateId: template.id }] });
      expect(await refusal(activateAutomation(as(manager), { automationId: mailing.id }))).toMatchObject({ kind: "invalid", code: "automation_template_unavailable" });
      await db.update(emailTemplates).set({ deletedAt: null }).where(eq(emailTemplates.id, template.id));
      await activateAutomation(as(manager), { automationId: mailing.id });
      expect(await refusal(activateAutomation(as(manager), { automationId: mailing.id }))).toMatchObject({ kind: "conflict", code: "automation_already_active" });
      for (const id of [empty.id, draft.id]) {
        expect(await enrolmentsOf(id)).toHaveLength(0);
        expect(await db.select().from(automationEvents).where(eq(automationEvents.automationId, id))).toHaveLength(0);
        expect((await db.select().from(automations).where(eq(automations.id, id)))[0].state).toBe("draft");
      }
    });
  });

  describe("preview", () => {
    it("a draft: the cards qualifying now, entering now, each step in the next 14 days; active: its pending step runs", async () => {
      const a = await newCard("Preview A", crm.statuses.offer.id);
      const b = await newCard("Preview B", crm.statuses.offer.id);
      const automation = await seedAutomation({ steps: [todoStep(0), todoStep(2, "09:00"), todoStep(20)] });
      const draft = await previewAutomation(as(manager), { automationId: automation.id });
      expect(draft.cards).toBe(2);
      expect(draft.rows.map((r) => [r.cardName, r.position, r.dueAt.toISOString()])).toEqual([
        ["Preview A", 1, "2026-05-04T10:00:00.000Z"],
        ["Preview B", 1, "2026-05-04T10:00:00.000Z"],
        ["Preview A", 2, "2026-05-06T07:00:00.000Z"],
        ["Preview B", 2, "2026-05-06T07:00:00.000Z"],
      ]);
      expect(draft.byDay).toEqual([
        { date: "2026-05-04", count: 2 },
        { date: "2026-05-06", count: 2 },
      ]);
      expect(draft.truncated).toBe(false);
      const limited = await previewAutomation(as(manager), { automationId: automation.id, limit: 3 });
      expect(limited).toMatchObject({ truncated: true, cards: 2 });
      expect(limited.rows).toHaveLength(3);

      await activateAutomation(as(manager), { automationId: automation.id });
      later(hour);
      const active = await previewAutomation(as(manager), { automationId: automation.id });
      // Day 0 steps are due (still pending until the runner takes them); day 20 is outside the window.
      expect(active.cards).toBe(2);
      expect(active.rows.map((r) => [r.cardId, r.position])).toEqual([
        [a, 1],
        [b, 1],
        [a, 2],
        [b, 2],
      ]);
      expect(active.byDay).toEqual(draft.byDay);
      expect(await previewAutomation(as(manager), { automationId: (await seedAutomation({ onlyNew: true })).id })).toEqual({ rows: [], truncated: false, byDay: [], cards: 0 });
      expect(await refusal(previewAutomation(as(salesperson), { automationId: automation.id }))).toMatchObject({ kind: "forbidden" });
    });
  });
});
