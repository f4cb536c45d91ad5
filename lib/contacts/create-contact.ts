import { z } from "zod";
import type { ContactKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { contactInputSchema } from "./contact-input";
import { findDuplicatesIn } from "./find-duplicate-contacts";
import { insertContact } from "./insert-contact";
import { flagSchema } from "./schemas";

export const createContactSchema = z.intersection(
  z.object({
    /** The user saw the duplicate warning and chose "Create anyway". */
    ignoreDuplicates: flagSchema,
  }),
  contactInputSchema,
);
export type CreateContactInput = z.input<typeof createContactSchema>;

export type CreatedContact = { contactId: string; kind: ContactKind; name: string; companyId: string | null };

/**
 * A new company or person. Unless `ignoreDuplicates` is set, a live contact with the same email or
 * tax number refuses it with conflict "contact_duplicate" and `details.duplicates` (DuplicateContact[]),
 * so the UI can offer to open or use the existing one, or to create anyway.
 */
export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<CreatedContact> {
  if (!can(ctx.actor, "contacts.update")) throw forbidden();
  const { ignoreDuplicates, ...data } = createContactSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    if (!ignoreDuplicates) {
      const duplicates = await findDuplicatesIn(tx, ctx.actor, { emails: data.emails, taxNumber: data.taxNumber, kind: data.kind });
      if (duplicates.length > 0) throw conflict("contact_duplicate", {}, { duplicates });
    }
    const contact = await insertContact(tx, data, ctx.actor, ctx.now);
    return { contactId: contact.id, kind: contact.kind, name: contact.name, companyId: contact.companyId };
  });
}
