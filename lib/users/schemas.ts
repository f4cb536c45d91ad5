import { z } from "zod";
import { roles } from "@/db/schema";

/** Shared pieces of the users and groups input schemas. Messages are error codes (messages/<locale>/errors.json). */
export const idSchema = z.uuid("invalid_input");

/** One id or many, as a form's checkboxes send them (none checked: nothing sent); duplicates dropped. */
export const idListSchema = z
  .union([idSchema, z.array(idSchema).max(1000, "invalid_input")], "invalid_input")
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);

export const roleSchema = z.enum(roles, "invalid_input");

export const personNameSchema = z.string("required").trim().min(1, "required").max(100, "too_long");

export const emailSchema = z
  .string("required")
  .trim()
  .min(1, "required")
  .max(320, "too_long")
  .toLowerCase()
  .pipe(z.email("invalid_email"));

export const userIdInputSchema = z.object({ userId: idSchema });
