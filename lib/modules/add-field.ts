import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { fields, type FieldOptions, type FieldType } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { rangeIndexedFieldTypes } from "@/lib/views/compile-view";
import { assertDistinctLabels, hasChoices, newChoice, optionsFor } from "./choices";
import { assertFieldNameFree, lockModule } from "./lock";
import { currencySchema, fieldTypeSchema, formBooleanSchema, idSchema, nameSchema, newChoicesSchema } from "./schemas";

const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);

export const addFieldSchema = z.object({
  moduleId: idSchema,
  name: nameSchema,
  type: fieldTypeSchema,
  required: formBooleanSchema.optional().default(false),
  /** Labels of the choices of a select or multi-select (a list, or one per line); ignored for other types. */
  choices: newChoicesSchema.optional(),
  /** The default currency of a money field; HUF when not given. */
  currency: z.preprocess(blankIsAbsent, currencySchema.optional()),
});
export type AddFieldInput = z.input<typeof addFieldSchema>;

/**
 * Adds a custom field at the end of a module's fields. A select or multi-select needs at least one
 * choice ("choices_required"); each choice gets a stable id that card values refer to.
 */
export async function addField(
  ctx: Ctx,
  input: AddFieldInput,
): Promise<{ fieldId: string; moduleId: string; name: string; type: FieldType; required: boolean; options: FieldOptions; position: number }> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  const { moduleId, name, type, required, choices: labels = [], currency } = addFieldSchema.parse(input);
  let options: FieldOptions = optionsFor(type, { currency });
  if (hasChoices(type)) {
    if (labels.length === 0) throw invalid("choices_required", { choices: "choices_required" });
    const choices = labels.map(newChoice);
    assertDistinctLabels(choices);
    options = { choices };
  }
  return ctx.db.transaction(async (tx) => {
    // Migration 0009's trigger builds a number, money or date field's value index in this transaction. Its
    // lock on cards comes first, before the module's row lock: a card insert takes them in that order too
    // (cards, then the module row for its foreign key), so the two can only wait for each other, never deadlock.
    if (rangeIndexedFieldTypes.includes(type)) await tx.execute(sql`lock table cards in share mode`);
    await lockModule(tx, moduleId, { active: true });
    await assertFieldNameFree(tx, moduleId, name);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${fields.position}) + 1, 0)::int` })
      .from(fields)
      .where(eq(fields.moduleId, moduleId));
    const [field] = await tx.insert(fields).values({ moduleId, name, type, required, options, position: next }).returning({ id: fields.id });
    return { fieldId: field.id, moduleId, name, type, required, options, position: next };
  });
}
