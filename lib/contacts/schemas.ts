import { z } from "zod";
import { contactKinds } from "@/db/schema";

/** Shared pieces of the contacts input schemas. Messages are error codes (messages/<locale>/errors.json). */
export const contactIdSchema = z.uuid("invalid_input");

export const contactKindSchema = z.enum(contactKinds, "invalid_input");

/** A kind filter from a form or URL: "" or missing means both kinds. */
export const optionalKindSchema = z
  .union([contactKindSchema, z.literal("")], "invalid_input")
  .optional()
  .transform((v) => (v ? v : undefined));

/** A checkbox or hidden flag: "1", "true", "on" or true. */
export const flagSchema = z
  .union([z.boolean(), z.string()], "invalid_input")
  .optional()
  .transform((v) => v === true || v === "1" || v === "true" || v === "on");

/** The version a form was loaded with, for optimistic concurrency. */
export const versionSchema = z.coerce.number("invalid_input").int("invalid_input").min(1, "invalid_input");
