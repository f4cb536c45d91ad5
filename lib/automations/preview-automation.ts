import { and, asc, eq, lt, sql } from "drizzle-orm";
import { automationEnrolments, automations, automationStepRuns, automationSteps, cards, organisation, type AutomationStepKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { instantToZoned } from "@/lib/time/org-time";
import { getAutomationOrThrow } from "./get-automation-or-throw";
import { automationIdSchema, previewDays, type AutomationIdInput } from "./automation-input";
import { cardsQualifyingNow, loadAutomations } from "./qualify";
import { loadCalendars, stepDueAt } from "./timing";

export type PreviewRow = { cardId: string; cardName: string; stepId: string; /** 1-based, as the editor numbers steps. */ position: number; kind: AutomationStepKind; dueAt: Date };

export type AutomationPreview = {
  /** The next `previewDays` days from now, each step due in them, earliest first (at most `limit` rows). */
  rows: PreviewRow[];
  /** More rows than shown. */
  truncated: boolean;
  /** Step runs per local day ("YYYY-MM-DD" in the organisation's zone) over the whole window, for the timeline. */
  byDay: { date: string; count: number }[];
  /** Cards that would enter (draft / off) or are inside (active). */
  cards: number;
};

/** A draft's preview evaluates at most this many qualifying cards (the count of cards is exact). */
export const previewCardCap = 2000;
const defaultLimit = 200;

/**
 * What the automation would do in the next 14 days: for a draft or switched-off one, the cards
 * qualifying now entering now (none, for "only new cards"); for an active one, its pending step
 * runs. Computed by the same code that enrols and times them (qualify + stepDueAt).
 *
 * A draft's preview times at most `previewCardCap` cards (the first ones created); `truncated`
 * then says so even when the rows fit. Days of `byDay` are the organisation's.
 */
export async function previewAutomation(ctx: Ctx, raw: AutomationIdInput & { limit?: number }): Promise<AutomationPreview> {
  const { actor, db, now } = ctx;
  if (!can(actor, "automations.manage")) throw forbidden();
  const { automationId } = automationIdSchema.parse(raw);
  const limit = Math.max(1, Math.min(raw.limit ?? defaultLimit, 1000));
  const automation = await getAutomationOrThrow({ actor, db }, automationId);
  const windowEnd = new Date(now.getTime() + previewDays * 24 * 60 * 60 * 1000);
  const [org] = await db.select({ timeZone: organisation.timeZone }).from(organisation).limit(1);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const localDay = (d: Date) => instantToZoned(d, timeZone).date;

  if (automation.state === "active") {
    const window = and(eq(automationStepRuns.automationId, automation.id), eq(automationStepRuns.state, "pending"), lt(automationStepRuns.dueAt, windowEnd));
    const [rows, days, [inside], steps] = await Promise.all([
      db
        .select({ cardId: cards.id, cardName: cards.name, stepId: automationSteps.id, position: automationSteps.position, kind: automationSteps.kind, dueAt: automationStepRuns.dueAt })
        .from(automationStepRuns)
        .innerJoin(cards, eq(cards.id, automationStepRuns.cardId))
        .innerJoin(automationSteps, eq(automationSteps.id, automationStepRuns.stepId))
        .where(window)
        .orderBy(asc(automationStepRuns.dueAt), asc(cards.name), asc(automationSteps.position))
        .limit(limit + 1),
      db
        .select({
          date: sql<string>`to_char(${automationStepRuns.dueAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
          count: sql<number>`count(*)`.mapWith(Number),
        })
        .from(automationStepRuns)
        .where(window)
        .groupBy(sql`1`)
        .orderBy(sql`1`),
      db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(automationEnrolments)
        .where(and(eq(automationEnrolments.automationId, automation.id), eq(automationEnrolments.state, "active"), eq(automationEnrolments.withSteps, true))),
      db.select({ id: automationSteps.id }).from(automationSteps).where(eq(automationSteps.automationId, automation.id)).orderBy(asc(automationSteps.position)),
    ]);
    // 1-based place in the sequence, whatever numbers the editor stored.
    const place = new Map(steps.map((s, i) => [s.id, i + 1]));
    return { rows: rows.slice(0, limit).map((r) => ({ ...r, position: place.get(r.stepId) ?? r.position })), truncated: rows.length > limit, byDay: days, cards: inside.n };
  }

  if (automation.onlyNew) return { rows: [], truncated: false, byDay: [], cards: 0 };
  const [loaded] = await loadAutomations(db, eq(automations.id, automation.id), now);
  const [qualifying, steps] = await Promise.all([
    cardsQualifyingNow(db, loaded, { limit: previewCardCap }),
    db.select().from(automationSteps).where(eq(automationSteps.automationId, automation.id)).orderBy(asc(automationSteps.position)),
  ]);
  const total = qualifying[0]?.total ?? 0;
  const calendarOf = await loadCalendars(db, qualifying.map((c) => c.ownerId));
  const all: PreviewRow[] = [];
  for (const card of qualifying) {
    const calendar = calendarOf(card.ownerId);
    for (const [index, step] of steps.entries()) {
      const dueAt = stepDueAt(now, step, calendar);
      if (dueAt < windowEnd) all.push({ cardId: card.id, cardName: card.name, stepId: step.id, position: index + 1, kind: step.kind, dueAt });
    }
  }
  all.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.cardName.localeCompare(b.cardName) || a.position - b.position);
  const counts = new Map<string, number>();
  for (const row of all) counts.set(localDay(row.dueAt), (counts.get(localDay(row.dueAt)) ?? 0) + 1);
  return {
    rows: all.slice(0, limit),
    truncated: all.length > limit || total > qualifying.length,
    byDay: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
    cards: total,
  };
}
