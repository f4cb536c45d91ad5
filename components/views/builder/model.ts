import type { FieldOptions, FieldType } from "@/db/schema";
import { fieldOperators, type CardDateColumn, type ViewDefinition, type ViewNode } from "@/lib/views/definition";

/** What the builder knows of the module: plain data, serialisable from the page. */
export type BuilderStatus = { id: string; name: string; archived: boolean };
export type BuilderField = { id: string; name: string; type: FieldType; options: FieldOptions; archived: boolean };
export type BuilderUser = { id: string; name: string };
export type BuilderContact = { id: string; name: string };
export type BuilderModule = { id: string; name: string; statuses: BuilderStatus[]; fields: BuilderField[] };

/**
 * A condition while it is edited: every operand the user may have typed, as the inputs hold it
 * (strings for numbers, so "1 000" or an empty box survive until they are checked). Switching the
 * operator keeps what fits; `toNode` sends only what the operator takes.
 */
export type DraftCondition = {
  key: string;
  on: "status" | "owner" | "field" | "todo" | "date" | "contact";
  op: string;
  fieldId?: string;
  column?: CardDateColumn;
  ids: string[];
  text: string;
  number: string;
  min: string;
  max: string;
  date: string;
  from: string;
  to: string;
  days: string;
};
export type DraftGroup = { key: string; on: "group"; join: "and" | "or"; conditions: DraftNode[] };
export type DraftNode = DraftCondition | DraftGroup;

/** Which operand a condition takes, by what it is on and its operator. */
export type OperandKind = "statuses" | "users" | "choices" | "companies" | "text" | "number" | "range" | "date" | "dateRange" | "days" | "none";

export function operandKind(on: DraftCondition["on"], op: string): OperandKind {
  if (on === "status") return "statuses";
  if (["is", "is_not", "user_is", "assigned_to"].includes(op)) return "users";
  if (["any_of", "none_of", "has_any", "has_all", "has_none"].includes(op)) return "choices";
  if (op === "company_is") return "companies";
  if (["contains", "equals", "company_name_contains"].includes(op)) return "text";
  if (["eq", "neq", "lt", "gt"].includes(op)) return "number";
  if (op === "between") return on === "date" ? "dateRange" : "range";
  if (op === "date_between") return "dateRange";
  if (["before", "after"].includes(op)) return "date";
  if (["last_days", "next_days", "due_within", "more_than_days_ago", "less_than_days_ago"].includes(op)) return "days";
  return "none";
}

/** The subjects a condition can be about; a custom field's is "field:<id>", a card date's "date:<column>". */
export type Subject = string;

export const contactOperators = { company: ["company_is", "company_name_contains"], email: ["person_has_email"] } as const;

const fixedOperators: Record<string, readonly string[]> = {
  status: ["any_of", "none_of"],
  owner: ["is", "is_not", "me", "not_me", "nobody"],
  todo: ["overdue", "due_within", "none_open", "assigned_to", "assigned_to_me"],
  date: ["before", "after", "between", "more_than_days_ago", "less_than_days_ago"],
};

export function subjectOf(c: DraftCondition): Subject {
  if (c.on === "field") return `field:${c.fieldId}`;
  if (c.on === "date") return `date:${c.column}`;
  if (c.on === "contact") return c.op === "person_has_email" ? "contact:email" : "contact:company";
  return c.on;
}

/** The operators that fit a subject, in the order the builder offers them. */
export function operatorsFor(subject: Subject, fields: BuilderField[]): readonly string[] {
  const [on, rest] = subject.split(":");
  if (on === "field") {
    const field = fields.find((f) => f.id === rest);
    return field ? fieldOperators[field.type] : [];
  }
  if (on === "contact") return contactOperators[rest as "company" | "email"];
  return fixedOperators[on] ?? [];
}

let seq = 0;
export const newKey = () => `n${++seq}`;

const blank = { ids: [], text: "", number: "", min: "", max: "", date: "", from: "", to: "", days: "" };

/** A fresh condition on `subject` with its first operator; operands typed so far carry over when they still fit. */
export function conditionFor(subject: Subject, fields: BuilderField[], keep?: DraftCondition): DraftCondition {
  const [on, rest] = subject.split(":");
  const op = operatorsFor(subject, fields)[0] ?? "";
  const base = { ...blank, key: keep?.key ?? newKey(), op };
  if (on === "field") return { ...base, on: "field", fieldId: rest };
  if (on === "date") return { ...base, on: "date", column: rest as CardDateColumn };
  if (on === "contact") return { ...base, on: "contact" };
  return { ...base, on: on as DraftCondition["on"] };
}

export const newGroup = (join: "and" | "or" = "and"): DraftGroup => ({ key: newKey(), on: "group", join, conditions: [] });

/** A stored node → the builder's draft (numbers become the strings an input shows). */
export function toDraft(node: ViewNode): DraftNode {
  if (node.on === "group") return { key: newKey(), on: "group", join: node.join, conditions: node.conditions.map(toDraft) };
  const n = node as Record<string, unknown>;
  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const ids = (n.statusIds ?? n.userIds ?? n.choiceIds ?? n.contactIds ?? []) as string[];
  return {
    key: newKey(),
    on: node.on,
    op: node.op,
    fieldId: n.fieldId as string | undefined,
    column: n.column as CardDateColumn | undefined,
    ids: [...ids],
    text: str(n.text),
    number: str(n.number),
    min: str(n.min),
    max: str(n.max),
    date: str(n.date),
    from: str(n.from),
    to: str(n.to),
    days: str(n.days),
  };
}

/** "1 000 000,5" as people type it → "1000000.5"; an empty box stays undefined, so the server says "enter a number". */
function numeric(value: string): string | undefined {
  const v = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return v === "" ? undefined : v;
}

const idKey: Record<DraftCondition["on"], string> = { status: "statusIds", owner: "userIds", field: "choiceIds", todo: "userIds", date: "", contact: "contactIds" };

/** The draft → the JSON the server checks: only what the operator takes (the server stays the judge of it). */
export function toNode(draft: DraftNode): unknown {
  if (draft.on === "group") return { on: "group", join: draft.join, conditions: draft.conditions.map(toNode) };
  const out: Record<string, unknown> = { on: draft.on, op: draft.op };
  if (draft.on === "field") out.fieldId = draft.fieldId;
  if (draft.on === "date") out.column = draft.column;
  switch (operandKind(draft.on, draft.op)) {
    case "statuses":
    case "choices":
    case "companies":
      out[idKey[draft.on]] = draft.ids;
      break;
    case "users":
      out.userIds = draft.ids;
      break;
    case "text":
      out.text = draft.text;
      break;
    case "number":
      out.number = numeric(draft.number);
      break;
    case "range":
      out.min = numeric(draft.min);
      out.max = numeric(draft.max);
      break;
    case "date":
      out.date = draft.date;
      break;
    case "dateRange":
      out.from = draft.from;
      out.to = draft.to;
      break;
    case "days":
      out.days = numeric(draft.days);
      break;
  }
  return out;
}

export function toDefinition(filter: DraftGroup, columns: string[], sort: ViewDefinition["sort"]): unknown {
  return { version: 1, filter: toNode(filter), columns, sort };
}

/** Which field ids a tree uses (so an archived one keeps showing, labelled, in the subject picker). */
export function usedFieldIds(node: DraftNode, into = new Set<string>()): Set<string> {
  if (node.on === "group") node.conditions.forEach((c) => usedFieldIds(c, into));
  else if (node.fieldId) into.add(node.fieldId);
  return into;
}

/** Immutable edits of the tree by node key. */
export function updateNode(root: DraftGroup, key: string, change: (node: DraftNode) => DraftNode | null): DraftGroup {
  const walk = (node: DraftNode): DraftNode | null => {
    if (node.key === key) return change(node);
    if (node.on !== "group") return node;
    return { ...node, conditions: node.conditions.map(walk).filter((n): n is DraftNode => n !== null) };
  };
  return walk(root) as DraftGroup;
}
