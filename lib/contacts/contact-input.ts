import { z } from "zod";
import { contactKinds } from "@/db/schema";

const list = (item: z.ZodType<string, string>) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(/[,;\n]/)))
    .transform((v) => v.map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20, "too_many"));

/** A company or a person, as forms and imports send it. Emails are lower-cased for duplicate checks. */
export const contactInputSchema = z
  .object({
    kind: z.enum(contactKinds, "invalid_input"),
    name: z.string().trim().max(300, "too_long").default(""),
    firstName: z.string().trim().max(100, "too_long").default(""),
    lastName: z.string().trim().max(100, "too_long").default(""),
    // A form's "no company" is an empty string.
    companyId: z
      .union([z.uuid("invalid_input"), z.literal("")], "invalid_input")
      .nullish()
      .transform((v) => v || null),
    emails: list(z.email("invalid_email").toLowerCase()).default([]),
    phones: list(z.string().regex(/^\+?[0-9 ()/.-]{3,30}$/, "invalid_phone")).default([]),
    address: z.string().trim().max(500, "too_long").default(""),
    taxNumber: z.string().trim().max(50, "too_long").default(""),
    website: z.string().trim().max(300, "too_long").default(""),
    notes: z.string().max(10_000, "too_long").default(""),
  })
  .transform((c) => ({
    ...c,
    companyId: c.kind === "person" ? (c.companyId ?? null) : null,
    name: c.kind === "person" ? `${c.lastName} ${c.firstName}`.trim() : c.name,
  }))
  .refine((c) => c.name.length > 0, { message: "required", path: ["name"] });
export type ContactInput = z.infer<typeof contactInputSchema>;
