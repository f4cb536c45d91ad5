import { invalid } from "@/lib/errors";
import type { FieldConfig, ModuleConfig } from "@/lib/modules/get-module-config";
import { fieldOperators, sortableFieldTypes, viewReferences, type ViewDefinition, type ViewNode } from "./definition";

/**
 * Checks a parsed definition against its module: every status, field, choice and column is the
 * module's, every operator fits its field's type, the sort is on a sortable field. Errors are keyed
 * by the same paths zod uses ("filter.conditions.0.fieldId"), so a builder shows each in place:
 * throws Invalid "invalid_input" with all of them.
 *
 * An archived status or field (or a choice since removed) is refused in a new view, but accepted when
 * `previous` — the stored definition being edited or copied — already used it: it stays readable.
 */
export function checkViewAgainstModule(definition: ViewDefinition, module: ModuleConfig, previous?: ViewDefinition): void {
  const errors: Record<string, string> = {};
  const kept = previous ? viewReferences(previous) : { statuses: new Set<string>(), fields: new Set<string>(), choices: new Set<string>() };
  const statuses = new Map(module.statuses.map((s) => [s.id, s]));
  const fields = new Map(module.fields.map((f) => [f.id, f]));

  /** The field, or undefined with the error recorded at `path`. */
  const field = (id: string, path: string): FieldConfig | undefined => {
    const f = fields.get(id);
    if (!f) errors[path] = "view_unknown_field";
    else if (f.archived && !kept.fields.has(id)) errors[path] = "field_archived";
    else return f;
  };

  const check = (node: ViewNode, path: string) => {
    switch (node.on) {
      case "group":
        node.conditions.forEach((child, i) => check(child, `${path}.conditions.${i}`));
        return;
      case "status":
        node.statusIds.forEach((id, i) => {
          const s = statuses.get(id);
          if (!s) errors[`${path}.statusIds.${i}`] = "invalid_status";
          else if (s.archived && !kept.statuses.has(id)) errors[`${path}.statusIds.${i}`] = "status_archived";
        });
        return;
      case "field": {
        const f = field(node.fieldId, `${path}.fieldId`);
        if (!f) return;
        if (!fieldOperators[f.type].includes(node.op)) {
          errors[`${path}.op`] = "view_operator_mismatch";
          return;
        }
        if ("choiceIds" in node) {
          const choices = new Set((f.options.choices ?? []).map((c) => c.id));
          node.choiceIds.forEach((id, i) => {
            if (!choices.has(id) && !kept.choices.has(`${f.id}/${id}`)) errors[`${path}.choiceIds.${i}`] = "invalid_choice";
          });
        }
        return;
      }
      default:
        // owner, todo, date and contact conditions name nothing of the module.
        return;
    }
  };

  check(definition.filter, "filter");
  definition.columns.forEach((id, i) => field(id, `columns.${i}`));
  if (definition.sort.by === "field") {
    const f = field(definition.sort.fieldId, "sort.fieldId");
    if (f && !sortableFieldTypes.includes(f.type)) errors["sort.fieldId"] = "view_unsortable_field";
  }
  if (Object.keys(errors).length > 0) throw invalid("invalid_input", errors);
}
