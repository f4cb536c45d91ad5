import { z } from "zod";
import { contactInputSchema } from "@/lib/contacts/contact-input";

/** JSON-in-a-form-field helper: rich forms send structured parts (values, contacts) as JSON strings. */
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, schema);

const nullableUuid = z.preprocess((v) => (v === "" ? null : v), z.uuid("invalid_input").nullable());

export const createCardSchema = z.object({
  moduleId: z.uuid("invalid_input"),
  name: z.string().trim().min(1, "required").max(300, "too_long"),
  statusId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("invalid_input").optional()),
  /** undefined → the creator owns it; null → nobody does. */
  ownerId: nullableUuid.optional(),
  values: json(z.record(z.string(), z.unknown())).default({}),
  contactIds: json(z.array(z.uuid("invalid_input")).max(20, "too_many")).default([]),
  newContacts: json(z.array(contactInputSchema).max(5, "too_many")).default([]),
});
export type CreateCardInput = z.input<typeof createCardSchema>;

export const updateCardSchema = z.object({
  cardId: z.uuid("invalid_input"),
  version: z.coerce.number().int().positive(),
  name: z.string().trim().min(1, "required").max(300, "too_long").optional(),
  statusId: z.uuid("invalid_input").optional(),
  ownerId: nullableUuid.optional(),
  values: json(z.record(z.string(), z.unknown())).optional(),
});
export type UpdateCardInput = z.input<typeof updateCardSchema>;

export const cardContactSchema = z.object({ cardId: z.uuid("invalid_input"), contactId: z.uuid("invalid_input") });
export const newCardContactSchema = z.object({ cardId: z.uuid("invalid_input"), contact: json(contactInputSchema) });
export const cardIdSchema = z.object({ cardId: z.uuid("invalid_input") });
