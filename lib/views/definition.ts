import { z } from "zod";
import type { FieldType } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { saneDateSchema } from "@/lib/time/date-range";

/**
 * A view as stored (views.definition) and as the builder edits it: a tree of AND/OR groups of
 * conditions, the extra columns and the default sort. `version` names the shape; a later change of
 * shape bumps it and upgrades old rows in `parseViewDefinition`, never in place.
 *
 * Every error message is a code under `errors.` (messages/<locale>/errors.json).
 */
export const viewDefinitionVersion = 1;

/** Beyond these a view is a mistake (or an attack), not a filter. */
export const viewLimits = { conditions: 100, depth: 5, listItems: 100, columns: 20, text: 200, days: 3650 } as const;

const id = z.uuid("invalid_input");
const ids = z.array(id).min(1, "view_value_missing").max(viewLimits.listItems, "view_too_many_values");
/** Choice ids are uuids today; older imports may have others, so any short string. */
const choiceIds = z.array(z.string().min(1).max(100)).min(1, "view_value_missing").max(viewLimits.listItems, "view_too_many_values");
const text = z.string().trim().min(1, "view_value_missing").max(viewLimits.text, "too_long");
const days = z.coerce.number("invalid_number").int("invalid_number").min(0, "invalid_number").max(viewLimits.days, "invalid_number");
const number = z.coerce.number("invalid_number").finite("invalid_number");
const date = saneDateSchema;

// ── Conditions ───────────────────────────────────────────────────────────────

export const statusCondition = z.object({ on: z.literal("status"), op: z.enum(["any_of", "none_of"], "view_unknown_operator"), statusIds: ids });

/** "me" is the viewer at query time; "nobody" an unowned card. */
export const ownerCondition = z.discriminatedUnion("op", [
  z.object({ on: z.literal("owner"), op: z.enum(["is", "is_not"]), userIds: ids }),
  z.object({ on: z.literal("owner"), op: z.enum(["me", "not_me", "nobody"]) }),
], { error: "view_unknown_operator" });

const fieldBase = { on: z.literal("field"), fieldId: id };

/** One operator per meaning; which field types accept which operator is `fieldOperators` below. */
export const fieldCondition = z.discriminatedUnion("op", [
  z.object({ ...fieldBase, op: z.literal("contains"), text }),
  z.object({ ...fieldBase, op: z.literal("equals"), text }),
  z.object({ ...fieldBase, op: z.enum(["empty", "not_empty"]) }),
  z.object({ ...fieldBase, op: z.enum(["eq", "neq", "lt", "gt"]), number }),
  z.object({ ...fieldBase, op: z.literal("between"), min: number, max: number }).refine((c) => c.min <= c.max, { message: "view_range_reversed", path: ["max"] }),
  z.object({ ...fieldBase, op: z.enum(["before", "after"]), date }),
  z.object({ ...fieldBase, op: z.literal("date_between"), from: date, to: date }).refine((c) => c.from <= c.to, { message: "view_range_reversed", path: ["to"] }),
  /** Calendar days in the organisation's zone: "last 7 days" is today and the 7 days before. */
  z.object({ ...fieldBase, op: z.enum(["last_days", "next_days"]), days }),
  z.object({ ...fieldBase, op: z.enum(["any_of", "none_of", "has_any", "has_all", "has_none"]), choiceIds }),
  z.object({ ...fieldBase, op: z.enum(["checked", "unchecked"]) }),
  z.object({ ...fieldBase, op: z.literal("user_is"), userIds: ids }),
  z.object({ ...fieldBase, op: z.enum(["me", "nobody"]) }),
], { error: "view_unknown_operator" });

export const todoCondition = z.discriminatedUnion("op", [
  /** "overdue": an open todo past its deadline; "none_open": no open todo at all. */
  z.object({ on: z.literal("todo"), op: z.enum(["overdue", "none_open"]) }),
  /** An open todo due from now until N days from now (an overdue one does not count). */
  z.object({ on: z.literal("todo"), op: z.literal("due_within"), days }),
  z.object({ on: z.literal("todo"), op: z.literal("assigned_to"), userIds: ids }),
  z.object({ on: z.literal("todo"), op: z.literal("assigned_to_me") }),
], { error: "view_unknown_operator" });

export const cardDateColumns = ["created", "status_entered", "last_activity"] as const;
export type CardDateColumn = (typeof cardDateColumns)[number];

const dateBase = { on: z.literal("date"), column: z.enum(cardDateColumns) };

export const dateCondition = z.discriminatedUnion("op", [
  /** Calendar dates in the organisation's zone: "before 2026-03-01" ends at that day's local midnight. */
  z.object({ ...dateBase, op: z.enum(["before", "after"]), date }),
  z.object({ ...dateBase, op: z.literal("between"), from: date, to: date }).refine((c) => c.from <= c.to, { message: "view_range_reversed", path: ["to"] }),
  /** Relative to the query's moment, in calendar days of the organisation's zone (DST-correct). */
  z.object({ ...dateBase, op: z.enum(["more_than_days_ago", "less_than_days_ago"]), days }),
], { error: "view_unknown_operator" });

export const contactCondition = z.discriminatedUnion("op", [
  z.object({ on: z.literal("contact"), op: z.literal("company_is"), contactIds: ids }),
  z.object({ on: z.literal("contact"), op: z.literal("company_name_contains"), text }),
  z.object({ on: z.literal("contact"), op: z.literal("person_has_email") }),
], { error: "view_unknown_operator" });

export type StatusCondition = z.infer<typeof statusCondition>;
export type OwnerCondition = z.infer<typeof ownerCondition>;
export type FieldCondition = z.infer<typeof fieldCondition>;
export type FieldOperator = FieldCondition["op"];
export type TodoCondition = z.infer<typeof todoCondition>;
export type DateCondition = z.infer<typeof dateCondition>;
export type ContactCondition = z.infer<typeof contactCondition>;
export type ViewCondition = StatusCondition | OwnerCondition | FieldCondition | TodoCondition | DateCondition | ContactCondition;
export type ViewGroup = { on: "group"; join: "and" | "or"; conditions: (ViewCondition | ViewGroup)[] };
export type ViewNode = ViewCondition | ViewGroup;

/** The operators that make sense for each field type, in the order the builder offers them. */
export const fieldOperators: Record<FieldType, readonly FieldOperator[]> = {
  text: ["contains", "equals", "empty", "not_empty"],
  long_text: ["contains", "empty", "not_empty"],
  email: ["contains", "empty", "not_empty"],
  phone: ["contains", "empty", "not_empty"],
  url: ["contains", "empty", "not_empty"],
  number: ["eq", "neq", "lt", "gt", "between", "empty", "not_empty"],
  money: ["eq", "neq", "lt", "gt", "between", "empty", "not_empty"],
  date: ["before", "after", "date_between", "last_days", "next_days", "empty", "not_empty"],
  select: ["any_of", "none_of", "empty", "not_empty"],
  multi_select: ["has_any", "has_all", "has_none", "empty", "not_empty"],
  checkbox: ["checked", "unchecked"],
  user: ["user_is", "me", "nobody"],
};

/** Discriminated on `on`, then on `op`: a wrong value names the condition and the operand it is wrong in. */
export const viewNodeSchema: z.ZodType<ViewNode> = z.lazy(() =>
  z.discriminatedUnion("on", [statusCondition, ownerCondition, fieldCondition, todoCondition, dateCondition, contactCondition, viewGroupSchema], {
    error: "view_unknown_condition",
  }),
);

export const viewGroupSchema = z.object({
  on: z.literal("group"),
  join: z.enum(["and", "or"]),
  get conditions(): z.ZodArray<z.ZodType<ViewNode>> {
    return z.array(viewNodeSchema).max(viewLimits.conditions, "view_too_many_conditions");
  },
});

// ── Columns and sort ─────────────────────────────────────────────────────────

/** Fixed sorts keep the list's directions (deadline ↑, name ↑, last activity ↓, created ↓); a field sort picks one. */
export const viewSortSchema = z.discriminatedUnion("by", [
  z.object({ by: z.enum(["deadline", "name", "activity", "created"]) }),
  z.object({ by: z.literal("field"), fieldId: id, direction: z.enum(["asc", "desc"]) }),
]);
export type ViewSort = z.infer<typeof viewSortSchema>;

/** Field types a list can sort by (a keyset on one scalar). */
export const sortableFieldTypes: readonly FieldType[] = ["text", "email", "phone", "url", "number", "money", "date", "checkbox"];

export const viewDefinitionSchema = z
  .object({
    version: z.literal(viewDefinitionVersion, "view_version_unknown"),
    filter: viewGroupSchema,
    /** Custom fields shown as columns after the fixed ones (name, next todo, status, owner), in order. */
    columns: z.array(id).max(viewLimits.columns, "view_too_many_columns").default([]),
    sort: viewSortSchema.default({ by: "deadline" }),
  })
  .superRefine((view, ctx) => {
    const { count, depth } = measure(view.filter);
    if (count > viewLimits.conditions) ctx.addIssue({ code: "custom", message: "view_too_many_conditions", path: ["filter"] });
    if (depth > viewLimits.depth) ctx.addIssue({ code: "custom", message: "view_too_deep", path: ["filter"] });
    if (new Set(view.columns).size !== view.columns.length) ctx.addIssue({ code: "custom", message: "view_duplicate_column", path: ["columns"] });
  });

export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

/** How many conditions a tree holds (groups not counted) and how deep its groups nest (the root is 1). */
export function measure(node: ViewNode): { count: number; depth: number } {
  if (node.on !== "group") return { count: 1, depth: 0 };
  let count = 0;
  let depth = 0;
  for (const child of node.conditions) {
    const m = measure(child);
    count += m.count;
    depth = Math.max(depth, m.depth);
  }
  return { count, depth: depth + 1 };
}

/** What a definition refers to in its module: statuses, fields (conditions, columns, sort) and choices ("fieldId/choiceId"). */
export type ViewReferences = { statuses: Set<string>; fields: Set<string>; choices: Set<string> };

export function viewReferences(definition: ViewDefinition): ViewReferences {
  const refs: ViewReferences = { statuses: new Set(), fields: new Set(definition.columns), choices: new Set() };
  if (definition.sort.by === "field") refs.fields.add(definition.sort.fieldId);
  const walk = (node: ViewNode) => {
    if (node.on === "group") node.conditions.forEach(walk);
    else if (node.on === "status") node.statusIds.forEach((id) => refs.statuses.add(id));
    else if (node.on === "field") {
      refs.fields.add(node.fieldId);
      if ("choiceIds" in node) node.choiceIds.forEach((id) => refs.choices.add(`${node.fieldId}/${id}`));
    }
  };
  walk(definition.filter);
  return refs;
}

/** The view everyone starts from: every card, by next deadline. */
export const emptyViewDefinition = (): ViewDefinition => ({
  version: viewDefinitionVersion,
  filter: { on: "group", join: "and", conditions: [] },
  columns: [],
  sort: { by: "deadline" },
});

/**
 * A stored or submitted definition, checked; later versions' upgrades go here. Throws a ZodError,
 * or Invalid "view_too_deep" before zod recurses into a tree nested far beyond the limit.
 */
export function parseViewDefinition(raw: unknown): ViewDefinition {
  if (nestingDepth(raw) > viewLimits.depth + 1) throw invalid("view_too_deep", { filter: "view_too_deep" });
  return viewDefinitionSchema.parse(raw);
}

/** How deeply `conditions` arrays nest in untrusted JSON, counted level by level (no recursion, bounded work). */
function nestingDepth(raw: unknown): number {
  const childrenOf = (node: unknown) => (node as { conditions?: unknown } | null)?.conditions;
  let level: unknown[] = [(raw as { filter?: unknown } | null)?.filter];
  let depth = 0;
  while (depth <= viewLimits.depth + 1) {
    const groups = level.map(childrenOf).filter((c): c is unknown[] => Array.isArray(c));
    if (groups.length === 0) break;
    depth += 1;
    level = groups.flat().slice(0, 10 * viewLimits.conditions);
  }
  return depth;
}
