import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { automationEnrolments, automations, automationStepRuns, automationSteps, cards, jobs } from "@/db/schema";
import { recordHistory } from "@/lib/history/record-history";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { activateAutomation, switchOffAutomation } from "./activate-automation";
import { stepRunJobKey } from "./jobs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Concurrent transactions need several connections: PostgreSQL only (PGlite runs one transaction at a time).
describe.runIf(testDbKind === "postgres")("enrolment races (PostgreSQL)", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  const now = new Date("2026-05-04T10:00:00Z");
  beforeAll(async () => {
    crm = await seedCrm(db);
  });

  async function activeAutomation() {
    const [row] = await db
      .insert(automations)
      .values({ moduleId: crm.module.id, name: "Race", trigger: "status", statusId: crm.statuses.offer.id, createdById: crm.actors.manager.id })
      .returning();
    await db.insert(automationSteps).values([0, 3].map((delayDays, position) => ({ automationId: row.id, position, kind: "todo_user" as const, recipient: "card_owner", todoText: "Call", delayDays })));
    await activateAutomation(ctx(db, crm.actors.manager, now), { automationId: row.id });
    return row;
  }
  const newCard = async (name: string) =>
    (await db.insert(cards).values({ moduleId: crm.module.id, statusId: crm.statuses.lead.id, ownerId: crm.actors.normal.id, name, createdAt: now, updatedAt: now }).returning())[0].id;

  it("a switch-off waits for a card write enrolling right now, then cancels what it enrolled", async () => {
    const automation = await activeAutomation();
    const cardId = await newCard("Racer");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = db.transaction(async (tx) => {
      await tx.update(cards).set({ statusId: crm.statuses.offer.id }).where(eq(cards.id, cardId));
      await recordHistory(tx, crm.actors.normal.id, now, [{ cardId, kind: "status_changed" }]);
      await gate; // still open: the enrolment is not committed yet
    });
    await sleep(150);
    let offDone = false;
    const off = switchOffAutomation(ctx(db, crm.actors.manager, now), { automationId: automation.id }).then((r) => ((offDone = true), r));
    await sleep(300);
    expect(offDone).toBe(false); // blocked behind the card write's FOR KEY SHARE
    release();
    await write;
    const result = await off;
    expect(result.cancelled).toBe(2);
    const [enrolment] = await db.select().from(automationEnrolments).where(and(eq(automationEnrolments.automationId, automation.id), eq(automationEnrolments.cardId, cardId)));
    expect(enrolment.state).toBe("left");
    const runs = await db.select().from(automationStepRuns).where(eq(automationStepRuns.enrolmentId, enrolment.id));
    expect(runs.map((r) => r.state)).toEqual(["cancelled", "cancelled"]);
    for (const run of runs) expect((await db.select().from(jobs).where(eq(jobs.key, stepRunJobKey(run.id))))[0].state).toBe("cancelled");
  });

  it("two writes enrolling the same card at once: one enrolment, one set of step runs", async () => {
    const automation = await activeAutomation();
    const cardId = await newCard("Twice");
    await db.update(cards).set({ statusId: crm.statuses.offer.id }).where(eq(cards.id, cardId));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = db.transaction(async (tx) => {
      await recordHistory(tx, null, now, [{ cardId, kind: "field_changed" }]);
      await gate;
    });
    await sleep(150);
    const second = db.transaction((tx) => recordHistory(tx, null, now, [{ cardId, kind: "owner_changed" }]));
    await sleep(200);
    release();
    await Promise.all([first, second]);
    const enrolments = await db.select().from(automationEnrolments).where(and(eq(automationEnrolments.automationId, automation.id), eq(automationEnrolments.cardId, cardId)));
    expect(enrolments).toHaveLength(1);
    expect(await db.select().from(automationStepRuns).where(eq(automationStepRuns.enrolmentId, enrolments[0].id))).toHaveLength(2);
    expect(await db.select().from(automationStepRuns).where(and(eq(automationStepRuns.automationId, automation.id), eq(automationStepRuns.cardId, cardId)))).toHaveLength(2);
  });
});
