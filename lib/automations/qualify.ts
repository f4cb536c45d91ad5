import { and, eq, getTableColumns, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automations, cards, fields, organisation, views, type FieldType } from "@/db/schema";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { compileViewFilter } from "@/lib/views/compile-view";
import type { CardsInViewInput } from "@/lib/views/cards-in-view";
import type { ViewGroup } from "@/lib/views/definition";
import { loadViewQuestion } from "./view-question";

export type AutomationRow = typeof automations.$inferSelect;

/** An automation with what its question needs: for a view trigger, the live view's filter read as its creator (null: the view is gone). */
export type LoadedAutomation = { automation: AutomationRow; question: CardsInViewInput | null };

const nobody = "00000000-0000-0000-0000-000000000000";

/** The automation's own part of "qualifies": in its status (or matching its view's filter), within its group scope. */
export function triggerCondition({ automation, question }: LoadedAutomation): SQL {
  const scope = automation.scopeGroupIds
    ? visibleCardsCondition({ id: automation.createdById ?? nobody, role: "group_manager", groupIds: automation.scopeGroupIds })
    : undefined;
  let trigger: SQL;
  if (automation.trigger === "status") trigger = automation.statusId ? eq(cards.statusId, automation.statusId) : sql`false`;
  else trigger = question ? compileViewFilter(question.filter, question.ctx) : sql`false`;
  return scope ? and(trigger, scope)! : trigger;
}

/**
 * "Does this card qualify for the automation now?" as one SQL condition over `cards`: a live card of
 * its module, in its status (or matching its view's filter, the view compiler's own condition), within
 * its group scope (a group manager's automation: the cards that group manager sees). False for a view
 * automation whose view is gone.
 */
export function qualifyCondition(loaded: LoadedAutomation): SQL {
  return and(eq(cards.moduleId, loaded.automation.moduleId), isNull(cards.deletedAt), triggerCondition(loaded))!;
}

/**
 * `column = any($1::uuid[])`: ONE parameter however many ids, so a statement's text is the same for 1
 * card or 1,000 and its prepared plan is reused (statements here run on every card write).
 */
export const anyUuid = (column: SQL | AnyColumn, ids: readonly string[]): SQL => sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;

const parseJson = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/**
 * The automations matching `where` with their questions, in ONE query: each view automation's live
 * view (left-joined) and its module's field types (a correlated subquery), and the organisation's zone.
 * `lock`: FOR KEY SHARE on the automation rows, so a switch-off (FOR UPDATE) waits for the card
 * writes enrolling into it, and they for it — no enrolment outlives its automation's switch-off.
 */
export async function loadAutomations(db: Db, where: SQL | undefined, now: Date, { lock = false }: { lock?: boolean } = {}): Promise<LoadedAutomation[]> {
  const query = db
    .select({
      automation: getTableColumns(automations),
      filter: views.definition,
      viewCreatorId: views.createdById,
      fieldTypes: sql<{ id: string; type: FieldType }[] | null>`case when ${automations.trigger} = 'view' then (select coalesce(json_agg(json_build_object('id', ${fields.id}, 'type', ${fields.type})), '[]'::json) from ${fields} where ${fields.moduleId} = ${automations.moduleId}) end`,
      timeZone: sql<string | null>`(select ${organisation.timeZone} from ${organisation} limit 1)`,
    })
    .from(automations)
    .leftJoin(views, and(eq(views.id, automations.viewId), eq(views.moduleId, automations.moduleId), isNull(views.deletedAt)))
    .where(where)
    .orderBy(automations.createdAt, automations.id);
  // Prepared (postgres-js caches the statement per connection by its text): planned once, not on every card write.
  const rows = await (lock ? query.for("key share", { of: automations }) : query).prepare("automations_load").execute();
  return rows.map((row) => {
    const { automation } = row;
    if (automation.trigger !== "view" || !row.filter) return { automation, question: null };
    const fieldTypes = parseJson<{ id: string; type: FieldType }[] | null>(row.fieldTypes) ?? [];
    const definition = parseJson<{ filter: ViewGroup }>(row.filter);
    return {
      automation,
      question: {
        moduleId: automation.moduleId,
        filter: definition.filter,
        ctx: { fields: new Map(fieldTypes.map((f) => [f.id, f])), viewerId: row.viewCreatorId ?? nobody, now, timeZone: row.timeZone ?? "Europe/Budapest" },
      },
    };
  });
}

export type EnrolmentRow = { id: string; automationId: string; cardId: string; state: "active" | "left"; withSteps: boolean; enteredAt: Date };

export type Evaluation = {
  /** The cards asked about that exist, with their owners (whose calendars time the steps). */
  owners: Map<string, string | null>;
  /** automation id → the cards qualifying for it. */
  qualifying: Map<string, Set<string>>;
  /** With `enrolmentsSince`: the cards' enrolments in these automations that are active or entered with steps since then. */
  enrolments: EnrolmentRow[];
};

/** An int[] as the driver returns it: an array, or (a driver without array parsing) its text "{1,2}". */
const intArray = (value: unknown): number[] =>
  typeof value === "string" ? value.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number) : ((value as number[] | null) ?? []);

/** Automations per statement (each one a CASE in the array): 50 are one statement; hundreds, a few. */
const automationsPerQuery = 100;
const cardsPerQuery = 1000;

/**
 * Which of these cards qualify for which of these automations, in ONE query per 1,000 cards and 100
 * automations: the cards by primary key behind a fence (as lib/views/cards-in-view.ts does: a subquery
 * with a limit is never flattened, so a field index never competes with the primary key), then per
 * card one array of the positions of the automations it qualifies for (one column, however many
 * automations: cheaper to build and to read than a boolean column each). Prepared: the statement's
 * text only changes when the automations do.
 */
export async function evaluateAutomations(db: Db, loaded: LoadedAutomation[], cardIds: string[], { enrolmentsSince }: { enrolmentsSince?: Date } = {}): Promise<Evaluation> {
  const ids = [...new Set(cardIds)];
  const owners = new Map<string, string | null>();
  const enrolments: EnrolmentRow[] = [];
  const ofTheseAutomations = new Set(loaded.map((l) => l.automation.id));
  const qualifying = new Map(loaded.map((l) => [l.automation.id, new Set<string>()]));
  for (let c = 0; c < ids.length; c += cardsPerQuery) {
    const chunk = ids.slice(c, c + cardsPerQuery);
    for (let a = 0; a < Math.max(loaded.length, 1); a += automationsPerQuery) {
      // Per module of the automations: `case when module then array[case when <trigger> then <position> end, …] end`,
      // so the module and the live-card test are written once, not once per automation.
      const byModule = new Map<string, SQL[]>();
      loaded.slice(a, a + automationsPerQuery).forEach((l, i) => {
        const list = byModule.get(l.automation.moduleId) ?? [];
        list.push(sql`case when ${triggerCondition(l)} then ${sql.raw(String(a + i))} end`);
        byModule.set(l.automation.moduleId, list);
      });
      const perModule = [...byModule].map(([moduleId, cases]) => sql`case when ${cards.moduleId} = ${moduleId} then array[${sql.join(cases, sql`, `)}]::int[] end`);
      const positions = perModule.length
        ? sql<number[]>`case when ${cards.deletedAt} is null then array_remove(${sql.join(perModule, sql` || `)}, null) end`
        : sql<number[]>`null::int[]`;
      const picked = db.select().from(cards).where(anyUuid(cards.id, chunk)).limit(chunk.length).as("cards");
      // The enrolments the decision needs come in the same round trip (sync runs on every card write).
      const withEnrolments = enrolmentsSince !== undefined && a === 0;
      const enrolled = withEnrolments
        ? sql<unknown>`(select json_agg(json_build_array(e.id, e.automation_id, e.state, e.with_steps, e.entered_at)) from automation_enrolments e
            where e.card_id = "cards"."id" and (e.state = 'active' or (e.with_steps and e.entered_at > ${enrolmentsSince.toISOString()}::timestamptz)))`
        : sql<unknown>`null`;
      const rows = await db
        .select({ id: picked.id, ownerId: picked.ownerId, positions, enrolled })
        .from(picked)
        .prepare(withEnrolments ? "automations_evaluate_enrolled" : "automations_evaluate")
        .execute();
      for (const row of rows) {
        owners.set(row.id, row.ownerId);
        for (const position of intArray(row.positions)) qualifying.get(loaded[position].automation.id)!.add(row.id);
        for (const [id, automationId, state, withSteps, enteredAt] of parseJson<[string, string, "active" | "left", boolean, string][] | null>(row.enrolled) ?? []) {
          if (ofTheseAutomations.has(automationId)) enrolments.push({ id, automationId, cardId: row.id, state, withSteps, enteredAt: new Date(enteredAt) });
        }
      }
    }
  }
  return { owners, qualifying, enrolments };
}

/** Every card of the automation's module qualifying now (activation, the sweep, the preview): one query. */
export async function cardsQualifyingNow(db: Db, loaded: LoadedAutomation, { limit }: { limit?: number } = {}) {
  const query = db
    .select({ id: cards.id, ownerId: cards.ownerId, name: cards.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(cards)
    .where(qualifyCondition(loaded))
    .orderBy(cards.createdAt, cards.id);
  return limit === undefined ? query : query.limit(limit);
}

/**
 * Which of these cards qualify for the automation now: live cards of its module, in its status (or
 * in its view, by the view compiler's single-card question, read as the view's creator), within its
 * group scope. The question enrolment asks on every card write and execution asks again before a step.
 * The same condition as the batched `evaluateAutomations` (qualifyCondition), so both always agree.
 */
export async function qualifyingCards(db: Db, automation: AutomationRow, cardIds: string[], now: Date): Promise<Set<string>> {
  const ids = [...new Set(cardIds)];
  if (ids.length === 0) return new Set();
  const question = automation.trigger === "view" ? await loadViewQuestion(db, automation, now) : null;
  const { qualifying } = await evaluateAutomations(db, [{ automation, question }], ids);
  return qualifying.get(automation.id) ?? new Set();
}
