import { and, eq, inArray, isNull, ne, not, or, sql, type SQL } from "drizzle-orm";
import { cards, type FieldType } from "@/db/schema";
import { addCalendarDays, addZonedDays, startOfZonedDay, zonedToday } from "@/lib/time/calendar-days";
import { fieldOperators, type ContactCondition, type DateCondition, type FieldCondition, type TodoCondition, type ViewCondition, type ViewGroup, type ViewNode } from "./definition";

/** What a view's conditions are read against: the module's fields (archived ones too), the viewer ("me") and the moment. */
export type ViewContext = {
  fields: ReadonlyMap<string, { id: string; type: FieldType }>;
  viewerId: string;
  now: Date;
  timeZone: string;
};

/**
 * A view's filter as one SQL condition over `cards`, to be AND-ed with the module, the live-card
 * filter and the permission scope (never instead of them: a view cannot widen what a user sees).
 * An empty group is true. A condition on a field the module no longer has matches no card.
 *
 * Every operand is a bound parameter (field ids included); equality and containment on field
 * values are `values @> <json>`, which the GIN index on cards.values answers.
 */
export function compileViewFilter(filter: ViewGroup, ctx: ViewContext): SQL {
  return compileNode(filter, ctx);
}

function compileNode(node: ViewNode, ctx: ViewContext): SQL {
  if (node.on === "group") {
    const parts = node.conditions.map((child) => compileNode(child, ctx));
    if (parts.length === 0) return sql`true`;
    return sql`(${(node.join === "and" ? and : or)(...parts)})`;
  }
  return compileCondition(node, ctx);
}

function compileCondition(c: ViewCondition, ctx: ViewContext): SQL {
  switch (c.on) {
    case "status":
      return c.op === "any_of" ? inArray(cards.statusId, c.statusIds) : not(inArray(cards.statusId, c.statusIds));
    case "owner":
      switch (c.op) {
        case "is":
          return inArray(cards.ownerId, c.userIds);
        case "is_not":
          return sql`(${cards.ownerId} is null or ${not(inArray(cards.ownerId, c.userIds))})`;
        case "me":
          return eq(cards.ownerId, ctx.viewerId);
        case "not_me":
          return sql`(${cards.ownerId} is null or ${ne(cards.ownerId, ctx.viewerId)})`;
        case "nobody":
          return isNull(cards.ownerId);
      }
    case "field":
      return compileField(c, ctx);
    case "todo":
      return compileTodo(c, ctx);
    case "date":
      return compileDate(c, ctx);
    case "contact":
      return compileContact(c);
  }
}

// ── Helpers ──────────────────────────────────────────────────────────────────

const anyOf = (parts: SQL[]): SQL => sql`(${sql.join(parts, sql` or `)})`;
const negate = (condition: SQL): SQL => sql`(not ${condition})`;
const uuidList = (ids: readonly string[]): SQL => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
const instant = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;
/** `%text%` for LIKE, with the user's own % _ and \ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

// ── Custom fields ────────────────────────────────────────────────────────────

/**
 * Values as lib/modules/field-values.ts stores them: empty is a missing key, JSON null or "";
 * money {amount, currency}; a date "YYYY-MM-DD"; multi-select a string array; checkbox a boolean;
 * user a uuid string. An operator that does not fit the field's type, like an unknown field, matches nothing.
 *
 * Money compares its amount whatever the currency (a view names no currency). ≠, <, >, between need
 * a value: an empty field is neither equal to nor different from a number. The negative set
 * operators (none of, has none, unchecked) do include empty fields.
 */
function compileField(c: FieldCondition, ctx: ViewContext): SQL {
  const field = ctx.fields.get(c.fieldId);
  if (!field || !fieldOperators[field.type].includes(c.op)) return sql`false`;
  const key = sql`${c.fieldId}::text`;
  const json = sql`(${cards.values} -> ${key})`;
  const text = sql`(${cards.values} ->> ${key})`;
  const contains = (value: unknown) => sql`${cards.values} @> ${JSON.stringify({ [c.fieldId]: value })}::jsonb`;
  const empty = field.type === "multi_select" ? sql`(coalesce(${text}, '') = '' or ${json} = '[]'::jsonb)` : sql`coalesce(${text}, '') = ''`;
  // Non-numbers (never written by the app, perhaps by an import) read as empty instead of failing the cast.
  const amount = field.type === "money" ? sql`(${json} -> 'amount')` : json;
  const number = sql`(case when jsonb_typeof(${amount}) = 'number' then (${amount})::numeric end)`;
  const numeric = (n: number) => sql`${n}::numeric`;
  const date = sql`(${text} collate "C")`;
  const isoDate = (d: string) => sql`(${d}::text collate "C")`;
  const dateRange = (from: string, to: string) => sql`(${date} >= ${isoDate(from)} and ${date} <= ${isoDate(to)})`;
  const asNumberValue = (n: number) => (field.type === "money" ? { amount: n } : n);

  switch (c.op) {
    case "empty":
      return empty;
    case "not_empty":
      return negate(empty);
    case "contains":
      return sql`(${text} ilike ${containsPattern(c.text)})`;
    case "equals":
      return contains(c.text);
    case "eq":
      return contains(asNumberValue(c.number));
    case "neq":
      return sql`(${number} <> ${numeric(c.number)})`;
    case "lt":
      return sql`(${number} < ${numeric(c.number)})`;
    case "gt":
      return sql`(${number} > ${numeric(c.number)})`;
    case "between":
      return sql`(${number} between ${numeric(c.min)} and ${numeric(c.max)})`;
    case "before":
      return sql`(${date} > '' and ${date} < ${isoDate(c.date)})`;
    case "after":
      return sql`(${date} > ${isoDate(c.date)})`;
    case "date_between":
      return dateRange(c.from, c.to);
    case "last_days": {
      const today = zonedToday(ctx.now, ctx.timeZone);
      return dateRange(addCalendarDays(today, -c.days), today);
    }
    case "next_days": {
      const today = zonedToday(ctx.now, ctx.timeZone);
      return dateRange(today, addCalendarDays(today, c.days));
    }
    case "any_of":
      return anyOf(c.choiceIds.map(contains));
    case "user_is":
      return anyOf(c.userIds.map(contains));
    case "none_of":
      return negate(anyOf(c.choiceIds.map(contains)));
    case "has_any":
      return anyOf(c.choiceIds.map((id) => contains([id])));
    case "has_all":
      return contains(c.choiceIds);
    case "has_none":
      return negate(anyOf(c.choiceIds.map((id) => contains([id]))));
    case "checked":
      return contains(true);
    case "unchecked":
      return negate(contains(true));
    case "me":
      return contains(ctx.viewerId);
    case "nobody":
      return empty;
  }
}

// ── Todos ────────────────────────────────────────────────────────────────────

/** An open (not completed, not trashed) todo of the card, with more conditions on it (alias `vt`). */
const openTodo = (where: SQL) =>
  sql`exists (select 1 from todos vt where vt.card_id = ${cards.id} and vt.completed_at is null and vt.deleted_at is null and ${where})`;

/**
 * cards.next_todo_deadline is the card's earliest open todo, so "overdue" and "no open todo" are
 * conditions on an indexed column. Overdue is a deadline at or before now, as the list colours it
 * (lib/time/org-time.ts deadlineState); "due within N days" is after now and before the same time
 * N calendar days later, so an overdue todo never counts as due.
 */
function compileTodo(c: TodoCondition, ctx: ViewContext): SQL {
  const next = cards.nextTodoDeadline;
  const now = instant(ctx.now);
  switch (c.op) {
    case "overdue":
      return sql`(${next} <= ${now})`;
    case "none_open":
      return sql`(${next} is null)`;
    case "due_within": {
      const end = instant(addZonedDays(ctx.now, c.days, ctx.timeZone));
      // The earliest open todo answers most cards; only a card whose earliest is overdue needs a look at its others.
      return sql`((${next} > ${now} and ${next} < ${end}) or (${next} <= ${now} and ${openTodo(sql`vt.deadline > ${now} and vt.deadline < ${end}`)}))`;
    }
    case "assigned_to":
    case "assigned_to_me": {
      // card_assignees holds a row per card and assignee with an open todo (maintained by the todo verbs).
      const ids = c.op === "assigned_to" ? c.userIds : [ctx.viewerId];
      return sql`exists (select 1 from card_assignees va where va.card_id = ${cards.id} and va.assignee_id in (${uuidList(ids)}))`;
    }
  }
}

// ── Card dates ───────────────────────────────────────────────────────────────

const dateColumns = { created: cards.createdAt, status_entered: cards.statusEnteredAt, last_activity: cards.lastActivityAt } as const;

/**
 * Calendar dates of the organisation's zone become the instants their days begin: "before D" ends at
 * D's local midnight, "after D" starts at the next day's. "More than N days ago" is a day before
 * today − N, "less than N days ago" a day after it (so N days ago exactly is neither), counted in
 * calendar days — a 23-hour DST day is one day.
 */
function compileDate(c: DateCondition, ctx: ViewContext): SQL {
  const column = dateColumns[c.column];
  const dayStart = (date: string) => instant(startOfZonedDay(date, ctx.timeZone));
  switch (c.op) {
    case "before":
      return sql`(${column} < ${dayStart(c.date)})`;
    case "after":
      return sql`(${column} >= ${dayStart(addCalendarDays(c.date, 1))})`;
    case "between":
      return sql`(${column} >= ${dayStart(c.from)} and ${column} < ${dayStart(addCalendarDays(c.to, 1))})`;
    case "more_than_days_ago":
      return sql`(${column} < ${dayStart(addCalendarDays(zonedToday(ctx.now, ctx.timeZone), -c.days))})`;
    case "less_than_days_ago":
      return sql`(${column} >= ${dayStart(addCalendarDays(zonedToday(ctx.now, ctx.timeZone), 1 - c.days))})`;
  }
}

// ── Contacts ─────────────────────────────────────────────────────────────────

/** A live contact linked to the card, with more conditions on it (alias `vk`); a trashed contact counts for nothing. */
const linkedContact = (where: SQL) =>
  sql`exists (select 1 from card_contacts vc join contacts vk on vk.id = vc.contact_id where vc.card_id = ${cards.id} and vk.deleted_at is null and ${where})`;

function compileContact(c: ContactCondition): SQL {
  switch (c.op) {
    case "company_is":
      return linkedContact(sql`vk.kind = 'company' and vc.contact_id in (${uuidList(c.contactIds)})`);
    case "company_name_contains":
      return linkedContact(sql`vk.kind = 'company' and lower(vk.name) like lower(${containsPattern(c.text)})`);
    case "person_has_email":
      return linkedContact(sql`vk.kind = 'person' and cardinality(vk.emails) > 0`);
  }
}
