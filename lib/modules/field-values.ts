import { z } from "zod";
import type { FieldValue, fields } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { saneDateSchema } from "@/lib/time/date-range";

type Field = Pick<typeof fields.$inferSelect, "id" | "type" | "options" | "required" | "archivedAt">;

/** The zod schema of one field's value; empty input ("" / [] / null) means "no value". Build it once per field when checking many rows (the import): each new schema instance compiles itself on first use. */
export function valueSchema(field: Field): z.ZodType<FieldValue> {
  const choiceIds = (field.options.choices ?? []).map((c) => c.id);
  switch (field.type) {
    case "text":
      return z.string().trim().max(500, "too_long");
    case "long_text":
      return z.string().max(20_000, "too_long");
    case "number":
      return z.coerce.number("invalid_number").finite("invalid_number");
    case "money":
      return z.object({
        amount: z.coerce.number("invalid_number").finite("invalid_number"),
        currency: z.string().trim().toUpperCase().length(3, "invalid_currency").default(field.options.currency ?? "HUF"),
      });
    case "date":
      return saneDateSchema; // 2000-01-01 … 2100-12-31
    case "select":
      return z.string().refine((v) => choiceIds.includes(v), "invalid_choice");
    case "multi_select":
      return z.array(z.string().refine((v) => choiceIds.includes(v), "invalid_choice")).transform((ids) => [...new Set(ids)]);
    case "checkbox":
      return z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);
    case "email":
      return z.email("invalid_email").trim().toLowerCase();
    case "phone":
      return z.string().trim().regex(/^\+?[0-9 ()/.-]{3,30}$/, "invalid_phone");
    case "url":
      return z.url({ protocol: /^https?$/, error: "invalid_url" }).trim();
    case "user":
      return z.uuid("invalid_user");
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && "amount" in v && (v as { amount: unknown }).amount === "");

/**
 * Checks the custom field values of a card against its module's fields. Unknown and archived fields
 * are refused; errors come back per field as `values.<fieldId>` so forms can show them in place.
 * With `partial`, only the given fields are checked (an edit of some fields).
 */
export function validateFieldValues(
  moduleFields: Field[],
  input: Record<string, unknown>,
  { partial }: { partial: boolean },
): Record<string, FieldValue> {
  const byId = new Map(moduleFields.filter((f) => !f.archivedAt).map((f) => [f.id, f]));
  const errors: Record<string, string> = {};
  const out: Record<string, FieldValue> = {};
  for (const id of Object.keys(input)) if (!byId.has(id)) errors[`values.${id}`] = "unknown_field";
  for (const field of byId.values()) {
    if (partial && !(field.id in input)) continue;
    const raw = input[field.id];
    if (isEmpty(raw)) {
      if (field.required) errors[`values.${field.id}`] = "required";
      else out[field.id] = null;
      continue;
    }
    const parsed = valueSchema(field).safeParse(raw);
    if (parsed.success) out[field.id] = parsed.data;
    else errors[`values.${field.id}`] = parsed.error.issues[0]?.message ?? "invalid_input";
  }
  if (Object.keys(errors).length > 0) throw invalid("invalid_input", errors);
  return out;
}
