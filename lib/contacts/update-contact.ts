import { eq } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { refreshSearchTextForContact } from "@/lib/cards/refresh-search-text";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { assertLiveCompany } from "./assert-live-company";
import { contactInputSchema } from "./contact-input";
import { contactIdSchema, versionSchema } from "./schemas";
import { canSeeContact, getVisibleContactOrThrow } from "./scope";

export const updateContactSchema = z.intersection(z.object({ contactId: contactIdSchema, version: versionSchema }), contactInputSchema);
export type UpdateContactInput = z.input<typeof updateContactSchema>;

const editable = ["name", "firstName", "lastName", "companyId", "emails", "phones", "address", "taxNumber", "website", "notes"] as const;
export type ContactField = (typeof editable)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a contact's details. Optimistic: `version` is the one the form was loaded with; if someone
 * saved in between, nothing is written and it fails with conflict "contact_stale" (details.currentVersion).
 * The kind cannot change. Cards' quick-search text follows a new name, email or phone in the same transaction.
 * A contact the actor may not see (visibleContactsCondition) is NotFound, as on its page.
 */
export async function updateContact(
  ctx: Ctx,
  input: UpdateContactInput,
): Promise<{ contactId: string; version: number; changed: ContactField[] }> {
  if (!can(ctx.actor, "contacts.update")) throw forbidden();
  const { contactId, version, ...data } = updateContactSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const current = await getVisibleContactOrThrow(tx, ctx.actor, contactId, { includeTrashed: true, forUpdate: true });
    if (current.deletedAt) throw conflict("contact_trashed");
    // A person's company the actor may not see was never shown to them, so their form cannot mean to remove it.
    if (current.companyId && data.companyId === null && !(await canSeeContact(tx, ctx.actor, current.companyId))) data.companyId = current.companyId;
    if (current.version !== version) throw conflict("contact_stale", {}, { currentVersion: current.version });
    if (current.kind !== data.kind) throw invalid("contact_kind_fixed");
    const changed = editable.filter((field) => !same(current[field], data[field]));
    if (changed.length === 0) return { contactId, version, changed };
    if (changed.includes("companyId") && data.companyId) await assertLiveCompany(tx, ctx.actor, data.companyId);

    const values = Object.fromEntries(changed.map((field) => [field, data[field]]));
    await tx
      .update(contacts)
      .set({ ...values, version: version + 1, updatedAt: ctx.now })
      .where(eq(contacts.id, contactId));
    if (changed.some((f) => f === "name" || f === "emails" || f === "phones")) await refreshSearchTextForContact(tx, contactId);
    return { contactId, version: version + 1, changed };
  });
}
