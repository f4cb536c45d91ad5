import { eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { refreshSearchTextForContact } from "@/lib/cards/refresh-search-text";
import { forbidden } from "@/lib/errors";
import { getVisibleContactOrThrow } from "./scope";
import { contactIdInputSchema, type ContactIdInput } from "./trash-contact";

/** Takes a contact out of the trash (admins and managers). Restoring a live contact changes nothing. */
export async function restoreContact(ctx: Ctx, input: ContactIdInput): Promise<{ contactId: string; name: string; version: number }> {
  if (!can(ctx.actor, "trash.restore")) throw forbidden();
  const { contactId } = contactIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const current = await getVisibleContactOrThrow(tx, ctx.actor, contactId, { includeTrashed: true, forUpdate: true });
    if (!current.deletedAt) return { contactId, name: current.name, version: current.version };
    const version = current.version + 1;
    await tx
      .update(contacts)
      .set({ deletedAt: null, deletedById: null, version, updatedAt: ctx.now })
      .where(eq(contacts.id, contactId));
    await refreshSearchTextForContact(tx, contactId);
    return { contactId, name: current.name, version };
  });
}
