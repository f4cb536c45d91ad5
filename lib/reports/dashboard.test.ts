import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cards } from "@/db/schema";
import { createCard } from "@/lib/cards/create-card";
import { updateCard } from "@/lib/cards/update-card";
import { completeTodo } from "@/lib/todos/complete-todo";
import { createTodo } from "@/lib/todos/create-todo";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { buildDashboard } from "./dashboard";

describe("the manager dashboard", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  const now = new Date("2026-11-26T10:00:00Z"); // a Thursday
  const at = (iso: string) => new Date(iso);
  let todoId = "";

  beforeAll(async () => {
    crm = await seedCrm(db);
    const { normal, otherRestricted } = crm.actors;
    const budget = crm.fields.budget.id;
    const open = await createCard(ctx(db, normal, at("2026-10-01T08:00:00Z")), {
      moduleId: crm.module.id,
      name: "Quiet deal",
      values: { [budget]: { amount: 300, currency: "HUF" } },
    });
    ({ todoId } = await createTodo(ctx(db, normal, at("2026-10-01T08:00:00Z")), {
      cardId: open.cardId,
      text: "Call",
      assigneeId: normal.id,
      date: "2026-11-20",
      time: "10:00",
    }));
    await createCard(ctx(db, otherRestricted, at("2026-11-25T08:00:00Z")), {
      moduleId: crm.module.id,
      name: "Romanian deal",
      values: { [budget]: { amount: 500, currency: "HUF" } },
    });
    const won = await createCard(ctx(db, normal, at("2026-11-24T08:00:00Z")), {
      moduleId: crm.module.id,
      name: "Won deal",
      values: { [budget]: { amount: 1000, currency: "HUF" } },
    });
    const [card] = await db.select().from(cards).where(eq(cards.id, won.cardId));
    await updateCard(ctx(db, normal, at("2026-11-25T09:00:00Z")), { cardId: card.id, version: card.version, statusId: crm.statuses.won.id });
  });

  it("shows overdue todos per person, this week's wins, the open pipeline with its value and quiet cards", async () => {
    const board = await buildDashboard(ctx(db, crm.actors.manager, now), 14);
    expect(board.overdue).toEqual([{ userId: crm.actors.normal.id, name: expect.any(String), n: 1 }]);
    expect(board.wonThisWeek).toEqual({ cards: 1, value: 1000 });
    const lead = board.pipeline[0].statuses.find((s) => s.id === crm.statuses.lead.id)!;
    expect(lead).toMatchObject({ cards: 2, value: 800 });
    expect(board.stale.count).toBe(1);
    expect(board.stale.cards.map((c) => c.name)).toEqual(["Quiet deal"]);
  });

  it("a group manager sees only their groups' people and cards", async () => {
    const board = await buildDashboard(ctx(db, crm.actors.groupManagerHu, now), 14);
    const lead = board.pipeline[0].statuses.find((s) => s.id === crm.statuses.lead.id)!;
    expect(lead.cards).toBe(1); // not the Romanian colleague's card
    expect(board.overdue.map((o) => o.userId)).toEqual([crm.actors.normal.id]);
  });

  it("a completed todo is no longer overdue", async () => {
    await completeTodo(ctx(db, crm.actors.normal, now), { todoId });
    expect((await buildDashboard(ctx(db, crm.actors.manager, now), 14)).overdue).toEqual([]);
  });
});
