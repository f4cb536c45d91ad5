import { eq } from "drizzle-orm";
import { z } from "zod";
import { fields, type FieldOptions } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { assertDistinctLabels, hasChoices, newChoice, type Choice } from "./choices";
import { assertFieldNameFree, lockField } from "./lock";
import { choiceLabelSchema, currencySchema, fieldTypeSchema, formBooleanSchema, idSchema, nameSchema, newChoicesSchema } from "./schemas";

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A form sends the choices as parallel repeated inputs `choiceIds` and `choiceLabels`; code sends `choices`. */
function fromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || !("choiceIds" in raw)) return raw;
  const { choiceIds, choiceLabels, ...rest } = raw as Record<string, unknown>;
  const labels = asList(choiceLabels);
  return { ...rest, choices: asList(choiceIds).map((id, i) => ({ id, label: labels[i] })) };
}

const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);

export const updateFieldSchema = z.preprocess(
  fromForm,
  z.object({
    fieldId: idSchema,
    name: nameSchema.optional(),
    required: formBooleanSchema.optional(),
    /** Only to say that it stays: a field's type never changes ("field_type_fixed"). */
    type: fieldTypeSchema.optional(),
    /** New labels for existing choices, by id; choices not listed keep theirs. Choices are never removed. */
    choices: z.array(z.object({ id: z.string("invalid_input").min(1, "invalid_input").max(100, "invalid_input"), label: choiceLabelSchema })).max(200, "too_many_choices").optional(),
    /** Labels of choices to add at the end (a list, or one per line). */
    newChoices: newChoicesSchema.optional(),
    currency: z.preprocess(blankIsAbsent, currencySchema.optional()),
  }),
);
export type UpdateFieldInput = z.input<typeof updateFieldSchema>;

type Changes = { name?: string; required?: boolean; options?: FieldOptions };

/**
 * Renames a field, makes it required or optional, renames or adds choices of a select, or changes
 * a money field's default currency. Card values are keyed by the field's id and refer to choices
 * by their ids, so none of this touches them. The type cannot change.
 */
export async function updateField(ctx: Ctx, input: UpdateFieldInput): Promise<{ fieldId: string; moduleId: string; changed: Changes }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const wanted = updateFieldSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { field } = await lockField(tx, wanted.fieldId);
    if (field.archivedAt) throw conflict("field_archived");
    if (wanted.type !== undefined && wanted.type !== field.type) throw invalid("field_type_fixed", { type: "field_type_fixed" });
    const changed: Changes = {};
    if (wanted.name !== undefined && wanted.name !== field.name) {
      await assertFieldNameFree(tx, field.moduleId, wanted.name, field.id);
      changed.name = wanted.name;
    }
    if (wanted.required !== undefined && wanted.required !== field.required) changed.required = wanted.required;

    const options = { ...field.options };
    if (wanted.choices?.length || wanted.newChoices?.length) {
      if (!hasChoices(field.type)) throw invalid("invalid_input", { choices: "invalid_input" });
      const renames = new Map((wanted.choices ?? []).map((c) => [c.id, c.label]));
      const current: Choice[] = field.options.choices ?? [];
      for (const id of renames.keys()) if (!current.some((c) => c.id === id)) throw invalid("unknown_choice", { choices: "unknown_choice" });
      options.choices = [...current.map((c) => ({ id: c.id, label: renames.get(c.id) ?? c.label })), ...(wanted.newChoices ?? []).map(newChoice)];
      assertDistinctLabels(options.choices);
    }
    if (wanted.currency !== undefined) {
      if (field.type !== "money") throw invalid("invalid_input", { currency: "invalid_input" });
      options.currency = wanted.currency;
    }
    if (JSON.stringify(options) !== JSON.stringify(field.options)) changed.options = options;

    if (Object.keys(changed).length > 0) await tx.update(fields).set(changed).where(eq(fields.id, field.id));
    return { fieldId: field.id, moduleId: field.moduleId, changed };
  });
}
