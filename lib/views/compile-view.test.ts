import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { cardContacts, cards, contacts, fields, modules, statuses, todos, type FieldType, type FieldValue } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { refreshCardTodos } from "@/lib/todos/refresh-card-todos";
import { createTestDb } from "@/test/db";
import { ctx as actionCtx, seedCrm } from "@/test/crm-fixtures";
import { addField } from "@/lib/modules/add-field";
import { listCards } from "@/lib/cards/list-cards";
import { statusCounts } from "@/lib/cards/status-counts";
import { cardsInView } from "./cards-in-view";
import { compileViewFilter, rangeIndexedFieldTypes, type ViewContext } from "./compile-view";
import { parseViewDefinition, type ViewGroup, type ViewNode } from "./definition";

/**
 * The compiler's table: one module with a field of every type, a dozen cards crafted to sit on the
 * edges (missing keys, JSON null, "", two currencies, dates at range ends, todos and contacts of
 * every state, owners across roles and groups), then conditions × the cards they must select. Each
 * row is checked three ways: the module query, the single-card question, and every role's scope.
 */

const timeZone = "Europe/Budapest";
const now = new Date("2026-05-04T10:00:00Z"); // Monday 12:00 in Budapest

// Field, contact and status ids are known up front so the table can name them.
const fieldTypes = {
  text: "text",
  long: "long_text",
  num: "number",
  money: "money",
  date: "date",
  sel: "select",
  multi: "multi_select",
  check: "checkbox",
  email: "email",
  phone: "phone",
  url: "url",
  user: "user",
  legacy: "text", // archived
} as const satisfies Record<string, FieldType>;
type FieldKey = keyof typeof fieldTypes;
const F = Object.fromEntries(Object.keys(fieldTypes).map((k) => [k, randomUUID()])) as Record<FieldKey, string>;
const K = { acme: randomUUID(), foods: randomUUID(), ghost: randomUUID(), globex: randomUUID(), anna: randomUUID(), bela: randomUUID(), old: randomUUID() };
const S = { lead: randomUUID(), offer: randomUUID(), won: randomUUID(), lost: randomUUID() };

type Actors = Awaited<ReturnType<typeof seedCrm>>["actors"];
type ActorKey = keyof Actors;
const live = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo"] as const;
type CardName = (typeof live)[number];

// ── The table ────────────────────────────────────────────────────────────────

type Row = {
  name: string;
  node: (a: Actors) => ViewNode;
  expected: readonly CardName[];
  now?: string;
  viewer?: ActorKey;
};
const all = live;
const except = (...names: CardName[]) => all.filter((n) => !names.includes(n));
const field = (key: FieldKey, op: string, operands: Record<string, unknown> = {}) => () => ({ on: "field", fieldId: F[key], op, ...operands }) as ViewNode;
const and_ = (...nodes: ((a: Actors) => ViewNode)[]) => (a: Actors): ViewNode => ({ on: "group", join: "and", conditions: nodes.map((n) => n(a)) });
const or_ = (...nodes: ((a: Actors) => ViewNode)[]) => (a: Actors): ViewNode => ({ on: "group", join: "or", conditions: nodes.map((n) => n(a)) });
const node = (n: Record<string, unknown> | ((a: Actors) => Record<string, unknown>)) => (a: Actors) => (typeof n === "function" ? n(a) : n) as ViewNode;
const created = (op: string, operands: Record<string, unknown>) => node({ on: "date", column: "created", op, ...operands });
const inMarch = created("between", { from: "2026-03-01", to: "2026-03-31" });
const inOctober = created("between", { from: "2026-10-01", to: "2026-10-31" });

const rows: Row[] = [
  // Text-like fields: contains (case-insensitive, LIKE wildcards literal), equals (exact), empty.
  { name: "text contains hello", node: field("text", "contains", { text: "hello" }), expected: ["Alpha", "Bravo", "India"] },
  { name: "text contains world", node: field("text", "contains", { text: "WORLD" }), expected: ["Alpha", "Foxtrot", "India"] },
  { name: "text contains a literal %", node: field("text", "contains", { text: "%" }), expected: ["Juliett"] },
  { name: "text contains a literal _", node: field("text", "contains", { text: "e_f" }), expected: ["Juliett"] },
  { name: "text contains o_w: _ is no wildcard", node: field("text", "contains", { text: "o_w" }), expected: [] },
  { name: "text contains a quote", node: field("text", "contains", { text: "o' or 1=1 --" }), expected: [] },
  { name: "text contains a backslash", node: field("text", "contains", { text: "\\" }), expected: [] },
  { name: "text equals is exact", node: field("text", "equals", { text: "hello" }), expected: ["Bravo"] },
  { name: "text equals with a space", node: field("text", "equals", { text: "Hello World" }), expected: ["Alpha"] },
  { name: "text empty: missing, null, empty string", node: field("text", "empty"), expected: ["Charlie", "Delta", "Echo", "Golf", "Hotel", "Kilo"] },
  { name: "text not empty", node: field("text", "not_empty"), expected: ["Alpha", "Bravo", "Foxtrot", "India", "Juliett"] },
  { name: "long text contains", node: field("long", "contains", { text: "price" }), expected: ["Alpha", "Bravo"] },
  { name: "long text contains 50%", node: field("long", "contains", { text: "50%" }), expected: ["Alpha"] },
  { name: "long text contains f_n", node: field("long", "contains", { text: "f_n" }), expected: ["Alpha"] },
  { name: "long text empty", node: field("long", "empty"), expected: except("Alpha", "Bravo") },
  { name: "long text not empty", node: field("long", "not_empty"), expected: ["Alpha", "Bravo"] },
  { name: "email contains", node: field("email", "contains", { text: "acme" }), expected: ["Alpha"] },
  { name: "email contains @", node: field("email", "contains", { text: "@" }), expected: ["Alpha", "Bravo"] },
  { name: "email empty", node: field("email", "empty"), expected: except("Alpha", "Bravo") },
  { name: "email not empty", node: field("email", "not_empty"), expected: ["Alpha", "Bravo"] },
  { name: "phone contains", node: field("phone", "contains", { text: "555" }), expected: ["Bravo"] },
  { name: "phone contains +36", node: field("phone", "contains", { text: "+36" }), expected: ["Alpha"] },
  { name: "phone empty", node: field("phone", "empty"), expected: except("Alpha", "Bravo") },
  { name: "phone not empty", node: field("phone", "not_empty"), expected: ["Alpha", "Bravo"] },
  { name: "url contains https", node: field("url", "contains", { text: "https" }), expected: ["Alpha"] },
  { name: "url contains ://", node: field("url", "contains", { text: "://" }), expected: ["Alpha", "Bravo"] },
  { name: "url empty", node: field("url", "empty"), expected: except("Alpha", "Bravo") },
  { name: "url not empty", node: field("url", "not_empty"), expected: ["Alpha", "Bravo"] },

  // Numbers: a value that is not a number (Kilo's "abc", from an import) is never compared, nor empty.
  { name: "number = 10", node: field("num", "eq", { number: 10 }), expected: ["Alpha", "Hotel"] },
  { name: "number = 0", node: field("num", "eq", { number: 0 }), expected: ["Bravo"] },
  { name: "number = 5.5", node: field("num", "eq", { number: 5.5 }), expected: ["Echo"] },
  { name: "number ≠ 10 needs a value", node: field("num", "neq", { number: 10 }), expected: ["Bravo", "Echo", "Foxtrot", "Golf", "India"] },
  { name: "number < 0", node: field("num", "lt", { number: 0 }), expected: ["Foxtrot"] },
  { name: "number < 10", node: field("num", "lt", { number: 10 }), expected: ["Bravo", "Echo", "Foxtrot"] },
  { name: "number > 10", node: field("num", "gt", { number: 10 }), expected: ["Golf", "India"] },
  { name: "number > -5", node: field("num", "gt", { number: -5 }), expected: ["Alpha", "Bravo", "Echo", "Foxtrot", "Golf", "Hotel", "India"] },
  { name: "number between 0 and 10, inclusive", node: field("num", "between", { min: 0, max: 10 }), expected: ["Alpha", "Bravo", "Echo", "Hotel"] },
  { name: "number between 5.5 and 5.5", node: field("num", "between", { min: 5.5, max: 5.5 }), expected: ["Echo"] },
  { name: "number empty", node: field("num", "empty"), expected: ["Charlie", "Delta", "Juliett"] },
  { name: "number not empty", node: field("num", "not_empty"), expected: ["Alpha", "Bravo", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Kilo"] },

  // Money compares amounts, whatever the currency (Bravo's and India's are EUR).
  { name: "money = 100000 in HUF and EUR", node: field("money", "eq", { number: 100000 }), expected: ["Alpha", "Bravo"] },
  { name: "money ≠ 100000", node: field("money", "neq", { number: 100000 }), expected: ["Echo", "Foxtrot", "Golf", "Hotel", "India"] },
  { name: "money < 100000", node: field("money", "lt", { number: 100000 }), expected: ["Foxtrot", "Hotel"] },
  { name: "money > 100000", node: field("money", "gt", { number: 100000 }), expected: ["Echo", "Golf", "India"] },
  { name: "money between 99999.5 and 250000", node: field("money", "between", { min: 99999.5, max: 250000 }), expected: ["Alpha", "Bravo", "Echo", "Foxtrot"] },
  { name: "money empty", node: field("money", "empty"), expected: ["Charlie", "Delta", "Juliett"] },
  { name: "money not empty", node: field("money", "not_empty"), expected: ["Alpha", "Bravo", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Kilo"] },

  // Date fields: before/after are strict, between and "last/next N days" include both ends (today in Budapest).
  { name: "date before", node: field("date", "before", { date: "2026-05-04" }), expected: ["Bravo", "Echo", "India"] },
  { name: "date after", node: field("date", "after", { date: "2026-05-04" }), expected: ["Foxtrot", "Golf", "Hotel"] },
  { name: "date between", node: field("date", "date_between", { from: "2026-04-27", to: "2026-05-05" }), expected: ["Alpha", "Bravo", "Hotel"] },
  { name: "date in the last 7 days", node: field("date", "last_days", { days: 7 }), expected: ["Alpha", "Bravo"] },
  { name: "date in the last 0 days is today", node: field("date", "last_days", { days: 0 }), expected: ["Alpha"] },
  { name: "date in the next 7 days", node: field("date", "next_days", { days: 7 }), expected: ["Alpha", "Foxtrot", "Hotel"] },
  { name: "date today, a second before midnight", node: field("date", "next_days", { days: 0 }), now: "2026-05-04T21:59:59Z", expected: ["Alpha"] },
  { name: "date today, at midnight", node: field("date", "next_days", { days: 0 }), now: "2026-05-04T22:00:00Z", expected: ["Hotel"] },
  { name: "date in the last day, after midnight", node: field("date", "last_days", { days: 1 }), now: "2026-05-04T22:00:00Z", expected: ["Alpha", "Hotel"] },
  { name: "date empty", node: field("date", "empty"), expected: ["Charlie", "Delta", "Juliett", "Kilo"] },
  { name: "date not empty", node: field("date", "not_empty"), expected: ["Alpha", "Bravo", "Echo", "Foxtrot", "Golf", "Hotel", "India"] },

  // Select, multi-select, checkbox: the negative operators include cards without a value.
  { name: "select any of a", node: field("sel", "any_of", { choiceIds: ["a"] }), expected: ["Alpha", "Foxtrot"] },
  { name: "select any of a, b", node: field("sel", "any_of", { choiceIds: ["a", "b"] }), expected: ["Alpha", "Bravo", "Foxtrot", "Hotel"] },
  { name: "select none of a", node: field("sel", "none_of", { choiceIds: ["a"] }), expected: except("Alpha", "Foxtrot") },
  { name: "select empty", node: field("sel", "empty"), expected: ["Charlie", "Delta", "Golf", "India", "Juliett", "Kilo"] },
  { name: "select not empty", node: field("sel", "not_empty"), expected: ["Alpha", "Bravo", "Echo", "Foxtrot", "Hotel"] },
  { name: "multi-select has any of x", node: field("multi", "has_any", { choiceIds: ["x"] }), expected: ["Alpha", "Golf", "Hotel"] },
  { name: "multi-select has any of y, z", node: field("multi", "has_any", { choiceIds: ["y", "z"] }), expected: ["Alpha", "Bravo", "Foxtrot", "Golf", "Hotel"] },
  { name: "multi-select has all of x, y", node: field("multi", "has_all", { choiceIds: ["x", "y"] }), expected: ["Alpha", "Golf"] },
  { name: "multi-select has all of x, z", node: field("multi", "has_all", { choiceIds: ["x", "z"] }), expected: ["Golf", "Hotel"] },
  { name: "multi-select has none of x", node: field("multi", "has_none", { choiceIds: ["x"] }), expected: except("Alpha", "Golf", "Hotel") },
  { name: "multi-select empty (also [])", node: field("multi", "empty"), expected: ["Charlie", "Delta", "Echo", "India", "Juliett", "Kilo"] },
  { name: "multi-select not empty", node: field("multi", "not_empty"), expected: ["Alpha", "Bravo", "Foxtrot", "Golf", "Hotel"] },
  { name: "checkbox checked (not the string \"true\")", node: field("check", "checked"), expected: ["Alpha", "Echo", "Hotel"] },
  { name: "checkbox unchecked", node: field("check", "unchecked"), expected: except("Alpha", "Echo", "Hotel") },

  // User fields and "me".
  { name: "user field is", node: (a) => field("user", "user_is", { userIds: [a.normal.id] })(), expected: ["Alpha", "Foxtrot"] },
  { name: "user field is any of two", node: (a) => field("user", "user_is", { userIds: [a.manager.id, a.restricted.id] })(), expected: ["Bravo", "Golf", "Hotel"] },
  { name: "user field is me (normal)", node: field("user", "me"), viewer: "normal", expected: ["Alpha", "Foxtrot"] },
  { name: "user field is me (manager)", node: field("user", "me"), viewer: "manager", expected: ["Bravo", "Hotel"] },
  { name: "user field nobody", node: field("user", "nobody"), expected: ["Charlie", "Delta", "Echo", "India", "Juliett", "Kilo"] },

  // An archived field still works; an unknown field, or an operator that does not fit the type, matches nothing.
  { name: "archived field contains", node: field("legacy", "contains", { text: "legacy" }), expected: ["Alpha"] },
  { name: "archived field empty", node: field("legacy", "empty"), expected: except("Alpha") },
  { name: "unknown field contains", node: () => ({ on: "field", fieldId: randomUUID(), op: "contains", text: "hello" }), expected: [] },
  { name: "unknown field empty", node: () => ({ on: "field", fieldId: randomUUID(), op: "empty" }), expected: [] },
  { name: "unknown field not empty", node: () => ({ on: "field", fieldId: randomUUID(), op: "not_empty" }), expected: [] },
  { name: "number operator on a text field", node: field("text", "gt", { number: 1 }), expected: [] },
  { name: "text operator on a number field", node: field("num", "contains", { text: "1" }), expected: [] },

  // Status and owner.
  { name: "status any of", node: node({ on: "status", op: "any_of", statusIds: [S.lead] }), expected: ["Alpha", "Echo", "Golf", "Juliett", "Kilo"] },
  { name: "status none of", node: node({ on: "status", op: "none_of", statusIds: [S.lead, S.offer] }), expected: ["Charlie", "Delta", "India"] },
  { name: "owner is", node: node((a) => ({ on: "owner", op: "is", userIds: [a.normal.id] })), expected: ["Alpha", "Hotel"] },
  { name: "owner is not (unowned included)", node: node((a) => ({ on: "owner", op: "is_not", userIds: [a.normal.id] })), expected: except("Alpha", "Hotel") },
  { name: "owner me (normal)", node: node({ on: "owner", op: "me" }), viewer: "normal", expected: ["Alpha", "Hotel"] },
  { name: "owner me (restricted)", node: node({ on: "owner", op: "me" }), viewer: "restricted", expected: ["Bravo", "Kilo"] },
  { name: "owner not me (restricted)", node: node({ on: "owner", op: "not_me" }), viewer: "restricted", expected: except("Bravo", "Kilo") },
  { name: "owner nobody", node: node({ on: "owner", op: "nobody" }), expected: ["Charlie", "Juliett"] },

  // Todos: completed and trashed todos count for nothing; overdue is at or before now.
  { name: "todo overdue", node: node({ on: "todo", op: "overdue" }), expected: ["Alpha", "Foxtrot", "Kilo"] },
  { name: "todo none open", node: node({ on: "todo", op: "none_open" }), expected: ["Delta", "Hotel", "India", "Juliett"] },
  { name: "todo due within 0 days", node: node({ on: "todo", op: "due_within", days: 0 }), expected: [] },
  { name: "todo due within 1 day (later today)", node: node({ on: "todo", op: "due_within", days: 1 }), expected: ["Bravo"] },
  { name: "todo due within 3 days (also behind an overdue one)", node: node({ on: "todo", op: "due_within", days: 3 }), expected: ["Bravo", "Charlie", "Foxtrot"] },
  { name: "todo due within 7 days (not exactly at the end)", node: node({ on: "todo", op: "due_within", days: 7 }), expected: ["Bravo", "Charlie", "Foxtrot"] },
  { name: "todo due within 10 days", node: node({ on: "todo", op: "due_within", days: 10 }), expected: ["Bravo", "Charlie", "Echo", "Foxtrot", "Golf"] },
  { name: "todo due within 1 day over the spring DST change (23 h)", node: node({ on: "todo", op: "due_within", days: 1 }), now: "2026-03-28T12:00:00Z", expected: [] },
  { name: "todo due within 2 days over the spring DST change", node: node({ on: "todo", op: "due_within", days: 2 }), now: "2026-03-28T12:00:00Z", expected: ["Kilo"] },
  { name: "todo overdue in March", node: node({ on: "todo", op: "overdue" }), now: "2026-03-28T12:00:00Z", expected: [] },
  { name: "todo assigned to", node: node((a) => ({ on: "todo", op: "assigned_to", userIds: [a.manager.id] })), expected: ["Charlie", "Golf"] },
  { name: "todo assigned to either", node: node((a) => ({ on: "todo", op: "assigned_to", userIds: [a.normal.id, a.admin.id] })), expected: ["Alpha", "Foxtrot"] },
  { name: "todo assigned to me (normal)", node: node({ on: "todo", op: "assigned_to_me" }), viewer: "normal", expected: ["Alpha", "Foxtrot"] },
  { name: "todo assigned to me (restricted)", node: node({ on: "todo", op: "assigned_to_me" }), viewer: "restricted", expected: ["Bravo", "Kilo"] },
  { name: "todo assigned to me (group restricted)", node: node({ on: "todo", op: "assigned_to_me" }), viewer: "groupRestrictedRo", expected: ["Echo"] },

  // Card dates: calendar days in Budapest, local midnights, 23- and 25-hour days.
  { name: "status entered before 03-01", node: node({ on: "date", column: "status_entered", op: "before", date: "2026-03-01" }), expected: except("Alpha", "Charlie", "Delta") },
  { name: "status entered after 02-28", node: node({ on: "date", column: "status_entered", op: "after", date: "2026-02-28" }), expected: ["Alpha", "Charlie", "Delta"] },
  { name: "status entered in March", node: node({ on: "date", column: "status_entered", op: "between", from: "2026-03-01", to: "2026-03-31" }), expected: ["Alpha", "Charlie"] },
  { name: "status entered after 03-31", node: node({ on: "date", column: "status_entered", op: "after", date: "2026-03-31" }), expected: ["Delta"] },
  { name: "created on the 23-hour day", node: created("between", { from: "2026-03-29", to: "2026-03-29" }), expected: ["Bravo", "Charlie"] },
  { name: "created on the 25-hour day", node: created("between", { from: "2026-10-25", to: "2026-10-25" }), expected: ["Foxtrot", "Golf"] },
  { name: "spring: created less than 1 day ago", node: and_(inMarch, created("less_than_days_ago", { days: 1 })), now: "2026-03-30T06:00:00Z", expected: ["Delta"] },
  { name: "spring: created less than 2 days ago", node: and_(inMarch, created("less_than_days_ago", { days: 2 })), now: "2026-03-30T06:00:00Z", expected: ["Bravo", "Charlie", "Delta"] },
  { name: "spring: created more than 1 day ago", node: created("more_than_days_ago", { days: 1 }), now: "2026-03-30T06:00:00Z", expected: ["Alpha", "India", "Juliett", "Kilo"] },
  { name: "spring: created more than 0 days ago", node: and_(inMarch, created("more_than_days_ago", { days: 0 })), now: "2026-03-30T06:00:00Z", expected: ["Alpha", "Bravo", "Charlie"] },
  { name: "spring: created less than 1 day ago, any month", node: created("less_than_days_ago", { days: 1 }), now: "2026-03-30T06:00:00Z", expected: ["Delta", "Echo", "Foxtrot", "Golf", "Hotel"] },
  { name: "autumn: created less than 1 day ago", node: created("less_than_days_ago", { days: 1 }), now: "2026-10-26T09:00:00Z", expected: ["Hotel"] },
  { name: "autumn: created less than 2 days ago", node: created("less_than_days_ago", { days: 2 }), now: "2026-10-26T09:00:00Z", expected: ["Foxtrot", "Golf", "Hotel"] },
  { name: "autumn: created more than 1 day ago", node: created("more_than_days_ago", { days: 1 }), now: "2026-10-26T09:00:00Z", expected: except("Foxtrot", "Golf", "Hotel") },
  { name: "autumn: created more than 1 day ago, in October", node: and_(inOctober, created("more_than_days_ago", { days: 1 })), now: "2026-10-26T09:00:00Z", expected: ["Echo"] },
  { name: "autumn: created more than 0 days ago, in October", node: and_(inOctober, created("more_than_days_ago", { days: 0 })), now: "2026-10-26T09:00:00Z", expected: ["Echo", "Foxtrot", "Golf"] },
  { name: "activity less than 1 day ago, a second before midnight", node: node({ on: "date", column: "last_activity", op: "less_than_days_ago", days: 1 }), now: "2026-05-04T21:59:59Z", expected: ["Alpha", "Bravo"] },
  { name: "activity less than 1 day ago, at midnight", node: node({ on: "date", column: "last_activity", op: "less_than_days_ago", days: 1 }), now: "2026-05-04T22:00:00Z", expected: [] },
  { name: "activity less than 2 days ago, at midnight", node: node({ on: "date", column: "last_activity", op: "less_than_days_ago", days: 2 }), now: "2026-05-04T22:00:00Z", expected: ["Alpha", "Bravo"] },
  { name: "activity more than 0 days ago, at midnight", node: node({ on: "date", column: "last_activity", op: "more_than_days_ago", days: 0 }), now: "2026-05-04T22:00:00Z", expected: all },
  { name: "activity more than 30 days ago", node: node({ on: "date", column: "last_activity", op: "more_than_days_ago", days: 30 }), expected: except("Alpha", "Bravo") },

  // Contacts: only live ones count; a person is not a company.
  { name: "company is", node: node({ on: "contact", op: "company_is", contactIds: [K.acme] }), expected: ["Alpha", "Bravo"] },
  { name: "company is either", node: node({ on: "contact", op: "company_is", contactIds: [K.acme, K.globex] }), expected: ["Alpha", "Bravo", "India"] },
  { name: "company is a trashed company", node: node({ on: "contact", op: "company_is", contactIds: [K.ghost] }), expected: [] },
  { name: "company is a person", node: node({ on: "contact", op: "company_is", contactIds: [K.anna] }), expected: [] },
  { name: "company name contains", node: node({ on: "contact", op: "company_name_contains", text: "ACME" }), expected: ["Alpha", "Bravo"] },
  { name: "company name contains o", node: node({ on: "contact", op: "company_name_contains", text: "o" }), expected: ["Golf", "India"] },
  { name: "company name contains a literal %", node: node({ on: "contact", op: "company_name_contains", text: "0% f" }), expected: ["Golf"] },
  { name: "company name contains a literal _", node: node({ on: "contact", op: "company_name_contains", text: "s_l" }), expected: ["Golf"] },
  { name: "company name of a trashed company", node: node({ on: "contact", op: "company_name_contains", text: "ghost" }), expected: [] },
  { name: "a person with an email", node: node({ on: "contact", op: "person_has_email" }), expected: ["Alpha", "Hotel"] },

  // Groups: empty, nested, AND inside OR and OR inside AND.
  { name: "empty group: every card", node: and_(), expected: all },
  { name: "empty OR group: every card", node: or_(), expected: all },
  { name: "AND of status and number", node: and_(node({ on: "status", op: "any_of", statusIds: [S.lead] }), field("num", "gt", { number: 5 })), expected: ["Alpha", "Echo", "Golf"] },
  { name: "OR of select and overdue", node: or_(field("sel", "any_of", { choiceIds: ["a"] }), node({ on: "todo", op: "overdue" })), expected: ["Alpha", "Foxtrot", "Kilo"] },
  {
    name: "money > 100000 AND (Offer OR no open todo)",
    node: and_(field("money", "gt", { number: 100000 }), or_(node({ on: "status", op: "any_of", statusIds: [S.offer] }), node({ on: "todo", op: "none_open" }))),
    expected: ["India"],
  },
  {
    name: "(checked AND mine) OR has x and z, as normal",
    node: or_(and_(field("check", "checked"), node({ on: "owner", op: "me" })), field("multi", "has_all", { choiceIds: ["x", "z"] })),
    viewer: "normal",
    expected: ["Alpha", "Golf", "Hotel"],
  },
  {
    name: "(checked AND mine) OR has x and z, as restricted",
    node: or_(and_(field("check", "checked"), node({ on: "owner", op: "me" })), field("multi", "has_all", { choiceIds: ["x", "z"] })),
    viewer: "restricted",
    expected: ["Golf", "Hotel"],
  },
  { name: "an empty group inside AND", node: and_(and_(), node({ on: "status", op: "any_of", statusIds: [S.won] })), expected: ["Charlie", "India"] },
  { name: "OR of an unknown field and a status", node: or_(() => ({ on: "field", fieldId: randomUUID(), op: "empty" }), node({ on: "status", op: "any_of", statusIds: [S.won] })), expected: ["Charlie", "India"] },
  {
    name: "three levels deep",
    node: and_(or_(and_(field("num", "gt", { number: 0 }), field("num", "lt", { number: 50 })), field("text", "empty")), field("check", "checked")),
    expected: ["Alpha", "Echo", "Hotel"],
  },
];

// ── The data ─────────────────────────────────────────────────────────────────

type CardSpec = {
  status: keyof typeof S;
  owner: ActorKey | null;
  values: Partial<Record<FieldKey, unknown>>;
  created?: string;
  statusEntered?: string;
  activity?: string;
  deleted?: boolean;
};

const cardSpecs = (a: Actors): Record<string, CardSpec> => ({
  Alpha: {
    status: "lead",
    owner: "normal",
    values: {
      text: "Hello World",
      long: "Half price: 50% off_now",
      num: 10,
      money: { amount: 100000, currency: "HUF" },
      date: "2026-05-04",
      sel: "a",
      multi: ["x", "y"],
      check: true,
      email: "anna@acme.hu",
      phone: "+36 30 123 4567",
      url: "https://acme.hu/x",
      user: a.normal.id,
      legacy: "legacy value",
    },
    created: "2026-03-28T22:30:00Z", // 23:30 on 03-28, CET
    statusEntered: "2026-02-28T23:30:00Z", // 00:30 on 03-01
    activity: "2026-05-04T21:30:00Z", // 23:30 on 05-04
  },
  Bravo: {
    status: "offer",
    owner: "restricted",
    values: {
      text: "hello",
      long: "full price",
      num: 0,
      money: { amount: 100000, currency: "EUR" },
      date: "2026-04-27",
      sel: "b",
      multi: ["y"],
      check: false,
      email: "bela@example.com",
      phone: "06 1 555 0000",
      url: "http://bravo.example",
      user: a.manager.id,
      legacy: "",
    },
    created: "2026-03-28T23:30:00Z", // 00:30 on 03-29
    statusEntered: "2026-02-28T22:30:00Z", // 23:30 on 02-28
    activity: "2026-05-03T22:30:00Z", // 00:30 on 05-04
  },
  Charlie: { status: "won", owner: null, values: {}, created: "2026-03-29T21:30:00Z" /* 23:30 on 03-29, CEST */, statusEntered: "2026-03-31T21:59:00Z" /* 23:59 on 03-31 */ },
  Delta: {
    status: "lost",
    owner: "otherRestricted",
    values: Object.fromEntries(Object.keys(F).map((k) => [k, null])),
    created: "2026-03-29T22:30:00Z", // 00:30 on 03-30
    statusEntered: "2026-03-31T22:00:00Z", // 00:00 on 04-01
  },
  Echo: {
    status: "lead",
    owner: "groupRestrictedRo",
    values: { text: "", long: "", num: 5.5, money: { amount: 250000, currency: "HUF" }, date: "2026-04-26", sel: "c", multi: [], check: true, email: "", phone: "", url: "", user: "" },
    created: "2026-10-24T21:30:00Z", // 23:30 on 10-24, CEST
  },
  Foxtrot: {
    status: "offer",
    owner: "admin",
    values: { text: "World peace", num: -3, money: { amount: 99999.5, currency: "HUF" }, date: "2026-05-11", sel: "a", multi: ["z"], user: a.normal.id },
    created: "2026-10-24T22:30:00Z", // 00:30 on 10-25, still CEST
  },
  Golf: {
    status: "lead",
    owner: "manager",
    values: { num: 100, money: { amount: 300000, currency: "HUF" }, date: "2026-05-12", multi: ["x", "y", "z"], check: false, user: a.restricted.id },
    created: "2026-10-25T22:30:00Z", // 23:30 on 10-25, CET: the 25-hour day
  },
  Hotel: {
    status: "offer",
    owner: "normal",
    values: { num: 10, money: { amount: 0, currency: "HUF" }, date: "2026-05-05", sel: "b", multi: ["x", "z"], check: true, user: a.manager.id },
    created: "2026-10-25T23:30:00Z", // 00:30 on 10-26
  },
  India: { status: "won", owner: "groupManagerHu", values: { text: "HELLO world", num: 1e6, money: { amount: 1e6, currency: "EUR" }, date: "2000-01-01" } },
  Juliett: { status: "lead", owner: null, values: { text: "100% pure_fun" } },
  // What an import might leave: values of the wrong JSON type.
  Kilo: { status: "lead", owner: "restricted", values: { num: "abc", money: { amount: "x", currency: "HUF" }, check: "true" } },
  // Trashed: matches nearly everything, appears nowhere.
  Lima: {
    status: "lead",
    owner: null,
    values: { text: "Hello", num: 10, money: { amount: 100000, currency: "HUF" }, sel: "a", multi: ["x", "z"], check: true, user: a.normal.id },
    deleted: true,
  },
});

const visibleTo: Record<"admin" | "manager" | "normal" | "restricted" | "groupManagerHu" | "groupRestrictedRo", readonly CardName[]> = {
  admin: all,
  manager: all,
  normal: all,
  restricted: ["Bravo", "Charlie", "Juliett", "Kilo"],
  groupManagerHu: ["Alpha", "Bravo", "Hotel", "India", "Kilo"],
  groupRestrictedRo: ["Charlie", "Delta", "Echo", "Juliett"],
};

describe("compileViewFilter and cardsInView", async () => {
  const db = await createTestDb();
  let actors: Actors;
  let moduleId: string;
  const idOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  let fieldMap: ViewContext["fields"];

  beforeAll(async () => {
    ({ actors } = await seedCrm(db));
    const [module] = await db.insert(modules).values({ name: "Views table" }).returning();
    moduleId = module.id;
    await db.insert(statuses).values(
      (["lead", "offer", "won", "lost"] as const).map((key, position) => ({ id: S[key], moduleId, name: key, position, group: key === "won" ? ("won" as const) : key === "lost" ? ("lost" as const) : ("open" as const) })),
    );
    await db.insert(fields).values(
      (Object.keys(fieldTypes) as FieldKey[]).map((key, position) => ({
        id: F[key],
        moduleId,
        name: key,
        type: fieldTypes[key],
        position,
        options: key === "sel" || key === "multi" ? { choices: ["a", "b", "c", "x", "y", "z"].map((id) => ({ id, label: id })) } : {},
        archivedAt: key === "legacy" ? new Date("2026-04-01T00:00:00Z") : null,
      })),
    );
    fieldMap = new Map((Object.keys(fieldTypes) as FieldKey[]).map((key) => [F[key], { id: F[key], type: fieldTypes[key] }]));

    const specs = cardSpecs(actors);
    const inserted = await db
      .insert(cards)
      .values(
        Object.entries(specs).map(([name, s]) => ({
          moduleId,
          name,
          statusId: S[s.status],
          ownerId: s.owner ? actors[s.owner].id : null,
          values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [F[k as FieldKey], v as FieldValue])),
          createdAt: new Date(s.created ?? "2026-01-15T10:00:00Z"),
          statusEnteredAt: new Date(s.statusEntered ?? "2026-01-10T10:00:00Z"),
          lastActivityAt: new Date(s.activity ?? "2026-04-01T10:00:00Z"),
          deletedAt: s.deleted ? new Date("2026-04-02T10:00:00Z") : null,
        })),
      )
      .returning({ id: cards.id, name: cards.name });
    for (const c of inserted) {
      idOf.set(c.name, c.id);
      nameOf.set(c.id, c.name);
    }
    // A card of another module carrying this module's field values: never in the view.
    const [other] = await db.insert(modules).values({ name: "Other module" }).returning();
    const [otherStatus] = await db.insert(statuses).values({ moduleId: other.id, name: "Open" }).returning();
    const [mike] = await db
      .insert(cards)
      .values({ moduleId: other.id, statusId: otherStatus.id, name: "Mike", values: { [F.text]: "hello", [F.num]: 10, [F.sel]: "a" } })
      .returning();
    idOf.set("Mike", mike.id);
    nameOf.set(mike.id, "Mike");

    const todo = (card: string, assignee: ActorKey, deadline: string, state: { completed?: boolean; trashed?: boolean } = {}) => ({
      cardId: idOf.get(card)!,
      moduleId: card === "Mike" ? other.id : moduleId,
      text: `${card} todo`,
      assigneeId: actors[assignee].id,
      deadline: new Date(deadline),
      completedAt: state.completed ? new Date("2026-05-02T10:00:00Z") : null,
      deletedAt: state.trashed ? new Date("2026-05-02T10:00:00Z") : null,
    });
    await db.insert(todos).values([
      todo("Alpha", "normal", "2026-05-04T07:00:00Z"), // overdue this morning
      todo("Bravo", "restricted", "2026-05-04T13:00:00Z"), // later today
      todo("Charlie", "manager", "2026-05-07T07:00:00Z"), // in 3 days
      todo("Charlie", "normal", "2026-05-01T07:00:00Z", { completed: true }),
      todo("Delta", "normal", "2026-05-01T07:00:00Z", { completed: true }),
      todo("Echo", "normal", "2026-05-01T07:00:00Z", { trashed: true }),
      todo("Echo", "groupRestrictedRo", "2026-05-14T07:00:00Z"), // in 10 days
      todo("Foxtrot", "admin", "2026-05-03T07:00:00Z"), // overdue, and behind it…
      todo("Foxtrot", "normal", "2026-05-06T07:00:00Z"), // …one due in 2 days
      todo("Golf", "manager", "2026-05-11T10:00:00Z"), // exactly 7 days from now
      todo("Kilo", "restricted", "2026-03-29T11:30:00Z"), // 23.5 h after 2026-03-28 12:00Z: more than the 23-hour day
      todo("Lima", "normal", "2026-05-03T07:00:00Z"),
      todo("Mike", "normal", "2026-05-03T07:00:00Z"),
    ]);
    for (const id of idOf.values()) await refreshCardTodos(db, id);

    await db.insert(contacts).values([
      { id: K.acme, kind: "company", name: "Acme Kft." },
      { id: K.foods, kind: "company", name: "100% Foods_Ltd" },
      { id: K.ghost, kind: "company", name: "Ghost Bt.", deletedAt: new Date("2026-04-01T00:00:00Z") },
      { id: K.globex, kind: "company", name: "Globex" },
      { id: K.anna, kind: "person", name: "Kovács Anna", firstName: "Anna", lastName: "Kovács", companyId: K.acme, emails: ["anna@acme.hu"] },
      { id: K.bela, kind: "person", name: "Nagy Béla", firstName: "Béla", lastName: "Nagy", companyId: K.acme },
      { id: K.old, kind: "person", name: "Old Person", emails: ["old@example.com"], deletedAt: new Date("2026-04-01T00:00:00Z") },
    ]);
    const link = (card: string, ...contactIds: string[]) => contactIds.map((contactId, position) => ({ cardId: idOf.get(card)!, contactId, position }));
    await db
      .insert(cardContacts)
      .values([
        ...link("Alpha", K.acme, K.anna),
        ...link("Bravo", K.acme, K.bela),
        ...link("Charlie", K.ghost, K.old),
        ...link("Delta", K.old),
        ...link("Golf", K.foods),
        ...link("Hotel", K.anna),
        ...link("India", K.globex),
        ...link("Lima", K.acme, K.anna),
        ...link("Mike", K.acme, K.anna),
      ]);
  });

  const names = (ids: string[]) => ids.map((id) => nameOf.get(id)!).sort();
  const allIds = () => [...idOf.values()];

  it("knows each role's scope", async () => {
    for (const [role, expected] of Object.entries(visibleTo)) {
      const actor = actors[role as keyof typeof visibleTo];
      const rows = await db
        .select({ id: cards.id })
        .from(cards)
        .where(and(eq(cards.moduleId, moduleId), isNull(cards.deletedAt), visibleCardsCondition(actor)));
      expect(names(rows.map((r) => r.id)), role).toEqual([...expected].sort());
    }
  });

  it.each(rows)("$name", async (row) => {
    const filter = parseViewDefinition({ version: 1, filter: { on: "group", join: "and", conditions: [row.node(actors)] } }).filter as ViewGroup;
    const viewer: Actor = actors[row.viewer ?? "admin"];
    const ctx: ViewContext = { fields: fieldMap, viewerId: viewer.id, now: row.now ? new Date(row.now) : now, timeZone };
    const compiled = compileViewFilter(filter, ctx);
    const expected = [...row.expected].sort();

    const inModule = await db
      .select({ id: cards.id })
      .from(cards)
      .where(and(eq(cards.moduleId, moduleId), isNull(cards.deletedAt), compiled));
    expect(names(inModule.map((r) => r.id)), "module query").toEqual(expected);

    // The single-card question, asked for every card (the trashed one and another module's too).
    expect(names(await cardsInView(db, { moduleId, filter, ctx }, allIds())), "cardsInView").toEqual(expected);

    for (const [role, visible] of Object.entries(visibleTo)) {
      const actor = actors[role as keyof typeof visibleTo];
      const scoped = await db
        .select({ id: cards.id })
        .from(cards)
        .where(and(eq(cards.moduleId, moduleId), isNull(cards.deletedAt), visibleCardsCondition(actor), compiled));
      const inScope = expected.filter((n) => visible.includes(n as CardName));
      expect(names(scoped.map((r) => r.id)), `scoped as ${role}`).toEqual(inScope);
      expect(names(await cardsInView(db, { moduleId, filter, ctx, actor }, allIds())), `cardsInView as ${role}`).toEqual(inScope);
      // The list and its counts, as the page asks them, agree with the single-card question.
      const view = { filter: compiled, sort: { by: "deadline" as const }, columns: [] };
      const listed = await listCards(db, actor, { moduleId, view, now: ctx.now, timeZone, limit: 200 });
      expect(names(listed.rows.map((r) => r.id)), `list as ${role}`).toEqual(inScope);
      expect((await statusCounts(db, actor, { moduleId, view })).total, `counts as ${role}`).toBe(inScope.length);
    }
  });

  it("gives every number, money and date field an index that its range conditions use, and equality the GIN index", async () => {
    // postgres-js returns the rows, PGlite an object holding them.
    const rowsOf = (result: unknown) => ((result as { rows?: Record<string, unknown>[] }).rows ?? result) as Record<string, unknown>[];
    const indexOf = (key: FieldKey) => `cards_field_${F[key].replaceAll("-", "")}_idx`;
    const existing = rowsOf(await db.execute(sql`select indexname from pg_indexes where tablename = 'cards' and indexname like 'cards_field_%'`)).map((r) => r.indexname);
    for (const key of Object.keys(fieldTypes) as FieldKey[]) expect(existing.includes(indexOf(key)), key).toBe(rangeIndexedFieldTypes.includes(fieldTypes[key]));
    // addField too (it takes the lock on cards first).
    const { fieldId } = await addField(actionCtx(db, actors.admin), { moduleId, name: "Added later", type: "date" });
    const added = rowsOf(await db.execute(sql`select 1 from pg_indexes where indexname = ${`cards_field_${fieldId.replaceAll("-", "")}_idx`}`));
    expect(added).toHaveLength(1);

    // Enough other cards (with no values) that reading an index of all cards costs more than the field's own.
    const [filler] = await db.insert(modules).values({ name: "Filler" }).returning();
    const [fillerStatus] = await db.insert(statuses).values({ moduleId: filler.id, name: "Open" }).returning();
    await db.insert(cards).values(Array.from({ length: 2000 }, (_, i) => ({ moduleId: filler.id, statusId: fillerStatus.id, name: `Filler ${i}` })));
    await db.execute(sql`analyze cards`);
    const viewCtx: ViewContext = { fields: fieldMap, viewerId: actors.admin.id, now, timeZone };
    const planOf = (condition: ViewNode) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const query = tx
          .select({ id: cards.id })
          .from(cards)
          .where(and(isNull(cards.deletedAt), compileViewFilter({ on: "group", join: "and", conditions: [condition] }, viewCtx)));
        return rowsOf(await tx.execute(sql`explain ${query}`))
          .map((r) => Object.values(r)[0])
          .join("\n");
      });
    const cases: [FieldKey, ViewNode, string][] = [
      ["num", { on: "field", fieldId: F.num, op: "gt", number: 5 }, indexOf("num")],
      ["money", { on: "field", fieldId: F.money, op: "between", min: 1, max: 5 }, indexOf("money")],
      ["date", { on: "field", fieldId: F.date, op: "last_days", days: 7 }, indexOf("date")],
      ["sel", { on: "field", fieldId: F.sel, op: "any_of", choiceIds: ["a", "b"] }, "cards_values_idx"],
    ];
    for (const [key, condition, index] of cases) expect(await planOf(condition), key).toContain(index);
  });

  it("puts every operand in a parameter, field ids included", () => {
    const hostile = "x'); drop table cards; --";
    const filter = parseViewDefinition({
      version: 1,
      filter: {
        on: "group",
        join: "or",
        conditions: [
          { on: "field", fieldId: F.text, op: "contains", text: hostile },
          { on: "field", fieldId: F.text, op: "equals", text: hostile },
          { on: "field", fieldId: F.num, op: "between", min: 1, max: 2 },
          { on: "field", fieldId: F.date, op: "before", date: "2026-01-31" },
          { on: "field", fieldId: F.sel, op: "any_of", choiceIds: [hostile] },
          { on: "contact", op: "company_name_contains", text: hostile },
          { on: "todo", op: "assigned_to", userIds: [actors.manager.id] },
          { on: "date", column: "created", op: "before", date: "2026-01-31" },
        ],
      },
    }).filter as ViewGroup;
    const { sql: text, params } = new PgDialect({ casing: "snake_case" }).sqlToQuery(compileViewFilter(filter, { fields: fieldMap, viewerId: actors.admin.id, now, timeZone }));
    for (const operand of [hostile, F.text, F.num, F.date, F.sel, actors.manager.id, "2026-01-31"]) expect(text).not.toContain(operand);
    expect(params.length).toBeGreaterThan(10);
  });

  it("answers the single-card question for no ids without a query, and keeps the input order", async () => {
    const filter: ViewGroup = { on: "group", join: "and", conditions: [] };
    const ctx: ViewContext = { fields: fieldMap, viewerId: actors.admin.id, now, timeZone };
    expect(await cardsInView(db, { moduleId, filter, ctx }, [])).toEqual([]);
    const order = [idOf.get("Kilo")!, idOf.get("Alpha")!, idOf.get("Lima")!, idOf.get("Kilo")!, idOf.get("Echo")!];
    expect(await cardsInView(db, { moduleId, filter, ctx }, order)).toEqual([idOf.get("Kilo"), idOf.get("Alpha"), idOf.get("Echo")]);
  });
});
