import { z } from "zod";
import { fieldTypes, statusGroups } from "@/db/schema";

/** Shared pieces of the module-settings input schemas. Messages are error codes (messages/<locale>/errors.json). */
export const idSchema = z.uuid("invalid_input");

export const nameSchema = z.string("required").trim().min(1, "required").max(100, "too_long");

export const statusGroupSchema = z.enum(statusGroups, "invalid_input");

export const fieldTypeSchema = z.enum(fieldTypes, "invalid_input");

/** A colour as the browser's colour input sends it: #rrggbb, stored lower-case. */
export const colorSchema = z
  .string("required")
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "invalid_color")
  .transform((c) => c.toLowerCase());

export const currencySchema = z
  .string("required")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "invalid_currency");

export const choiceLabelSchema = z.string("required").trim().min(1, "required").max(100, "too_long");

/**
 * A yes/no from code (boolean) or from a form: a checkbox ("on"), or a hidden "false" followed by a
 * checkbox "true" so that unchecking is sent too (then the last value wins).
 */
export const formBooleanSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v.at(-1) : v),
  z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")], "invalid_input"),
);

/** One id or many (repeated form inputs send one value as a scalar), in the given order. */
export const idListSchema = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(idSchema).max(1000, "invalid_input"),
);

/**
 * Labels of new choices: a list, or one text with one label per line (a textarea). Blank lines are
 * dropped; duplicates are refused later, together with the existing labels.
 */
export const newChoicesSchema = z.preprocess(
  (v) => {
    const items = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    return items.flatMap((item) => (typeof item === "string" ? item.split(/\r?\n/) : [item])).filter((s) => typeof s !== "string" || s.trim() !== "");
  },
  z.array(choiceLabelSchema).max(200, "too_many_choices"),
);
