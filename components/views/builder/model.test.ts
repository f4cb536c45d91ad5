import { describe, expect, it } from "vitest";
import { fieldTypes } from "@/db/schema";
import { parseViewDefinition } from "@/lib/views/definition";
import { conditionFor, operandKind, operatorsFor, toDefinition, toDraft, type BuilderField, type DraftCondition, type DraftGroup, type OperandKind } from "./model";
import { describeFilter } from "./summary";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const fields: BuilderField[] = fieldTypes.map((type, i) => ({
  id: uuid(100 + i),
  name: `F ${type}`,
  type,
  options: type === "select" || type === "multi_select" ? { choices: [{ id: "c1", label: "One" }] } : type === "money" ? { currency: "HUF" } : {},
  archived: false,
}));

/** What a person would type for each kind of operand, as the inputs hold it. */
const typed: Record<OperandKind, Partial<DraftCondition>> = {
  statuses: { ids: [uuid(1)] },
  users: { ids: [uuid(2)] },
  choices: { ids: ["c1"] },
  companies: { ids: [uuid(3)] },
  text: { text: "Duna" },
  number: { number: "100 000,5" },
  range: { min: "1", max: "2" },
  date: { date: "2026-03-01" },
  dateRange: { from: "2026-03-01", to: "2026-03-31" },
  days: { days: "7" },
  none: {},
};

const subjects = ["status", "owner", "todo", "date:created", "date:status_entered", "date:last_activity", "contact:company", "contact:email", ...fields.map((f) => `field:${f.id}`)];

/** Every subject × every operator the builder offers, each with a typed operand. */
function everyCondition(): DraftCondition[] {
  return subjects.flatMap((subject) =>
    operatorsFor(subject, fields).map((op) => {
      const c = { ...conditionFor(subject, fields), op };
      return { ...c, ...typed[operandKind(c.on, op)] };
    }),
  );
}

const root = (conditions: DraftCondition[]): DraftGroup => ({ key: "r", on: "group", join: "or", conditions });

describe("the builder's draft", () => {
  it("turns every operator it offers, with what a person types, into a definition the server accepts", () => {
    const conditions = everyCondition();
    expect(conditions.length).toBeGreaterThan(60);
    for (const c of conditions) {
      expect(() => parseViewDefinition(toDefinition(root([c]), [], { by: "deadline" })), `${c.on} ${c.op}`).not.toThrow();
    }
  });

  it("reads back what it saved (numbers as the inputs show them)", () => {
    const definition = parseViewDefinition(toDefinition(root(everyCondition().slice(0, 40)), [fields[0].id], { by: "name" }));
    const again = parseViewDefinition(toDefinition(toDraft(definition.filter) as DraftGroup, definition.columns, definition.sort));
    expect(again).toEqual(definition);
  });

  it("sends an empty number box as missing, so the server asks for a number instead of reading 0", () => {
    const c = { ...conditionFor(`field:${fields[2].id}`, fields), op: "gt", number: "" };
    expect(() => parseViewDefinition(toDefinition(root([c]), [], { by: "deadline" }))).toThrow(/invalid_number/);
  });

  it("says the filter in words, groups in brackets", () => {
    const money = fields.find((f) => f.type === "money")!;
    const tree: DraftGroup = {
      key: "r",
      on: "group",
      join: "and",
      conditions: [
        { ...conditionFor(`field:${money.id}`, fields), op: "gt", number: "100000" },
        { key: "g", on: "group", join: "or", conditions: [{ ...conditionFor("status", fields), ids: [uuid(1)] }, { ...conditionFor("todo", fields), op: "none_open" }] },
      ],
    };
    const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;
    const crm = { id: uuid(9), name: "M", statuses: [{ id: uuid(1), name: "Offer sent", archived: false }], fields };
    expect(describeFilter(tree, t, { module: crm, users: [], companies: [], locale: "en" }).replace(/\s/g, " ")).toBe(
      'summary.prefix{"filter":"F money ops.field.gt HUF 100,000 summary.and (subjects.status ops.status.any_of: Offer sent summary.or ops.todo.none_open)"}',
    );
  });
});
