import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { automationStepRuns, emails, history, todos } from "@/db/schema";
import { seedEmailCard, seedEmailTemplate } from "@/lib/email/test-fixtures";
import { jobHandlers } from "@/lib/jobs/handlers";
import { runDueJobs, runJobByKey } from "@/lib/jobs/run-jobs";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestPostgres, testDbKind } from "@/test/db";
import { stepRunJobKey } from "./jobs";
import { seedAutomation, seedStepRuns } from "./test-step-runs";

const cardsCount = 150;

/**
 * Two embedded runners (two processes' worth: separate connection pools) and an Inngest-style
 * per-key runner race over the same due step runs on PostgreSQL: every step run ends done exactly
 * once — one todo and one email per card, one history entry per step run.
 */
describe.runIf(testDbKind === "postgres")("racing runners over due step runs (PostgreSQL)", () => {
  it(`${cardsCount * 2} step runs, two runners and per-key claims at once: each done exactly once`, async () => {
    const { db, url } = await createTestPostgres();
    const crm = await seedCrm(db);
    const template = await seedEmailTemplate(db, crm.module.id);
    const cardIds: string[] = [];
    for (let i = 0; i < cardsCount; i++) cardIds.push((await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id, name: `Deal ${i}` })).card.id);
    const { automation, steps } = await seedAutomation(db, { moduleId: crm.module.id, statusId: crm.statuses.offer.id }, [
      { kind: "todo_user", recipient: "card_owner", todoText: "Call" },
      { kind: "email_contact", recipient: "main_person", emailTemplateId: template.id },
    ]);
    const dueAt = new Date();
    const { stepRunIds } = await seedStepRuns(db, { automationId: automation.id, stepIds: steps.map((s) => s.id), cardIds, dueAt });

    const other = await openDb(url);
    try {
      const clock = { now: () => new Date() };
      // Only step runs: the emails' delivery jobs are left pending, so the count of emails is what the step runs wrote.
      const handlers = { "automation.step": jobHandlers["automation.step"] };
      await Promise.all([
        runDueJobs({ db, clock, handlers, runnerId: "a", concurrency: 6 }),
        runDueJobs({ db: other.db, clock, handlers, runnerId: "b", concurrency: 6 }),
        ...stepRunIds.filter((_, i) => i % 7 === 0).map((id) => runJobByKey({ db: other.db, clock, handlers }, stepRunJobKey(id))),
      ]);
    } finally {
      await other.close();
    }

    const states = await db.select({ state: automationStepRuns.state, n: sql<number>`count(*)::int` }).from(automationStepRuns).groupBy(automationStepRuns.state);
    expect(states).toEqual([{ state: "done", n: cardsCount * 2 }]);
    const perCard = async (table: typeof todos | typeof emails) =>
      (await db.execute(sql`select count(*)::int as n, count(distinct card_id)::int as cards from ${table}`)) as unknown as { n: number; cards: number }[];
    expect((await perCard(todos))[0]).toEqual({ n: cardsCount, cards: cardsCount });
    expect((await perCard(emails))[0]).toEqual({ n: cardsCount, cards: cardsCount });
    const entries = await db.select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${history.data}->>'stepId' || ${history.cardId})::int` }).from(history).where(eq(history.kind, "automation_step"));
    expect(entries[0]).toEqual({ n: cardsCount * 2, distinct: cardsCount * 2 });
    const [{ left }] = (await db.execute(sql`select count(*)::int as "left" from jobs where kind = 'automation.step' and state <> 'done'`)) as unknown as { left: number }[];
    expect(left).toBe(0);
  }, 120_000);
});
