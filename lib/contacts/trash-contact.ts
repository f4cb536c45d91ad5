import { eq } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { refreshSearchTextForContact } from "@/lib/cards/refresh-search-text";
import { forbidden } from "@/lib/errors";
import { contactIdSchema } from "./schemas";
import { getVisibleContactOrThrow } from "./scope";

export const contactIdInputSchema = z.object({ contactId: contactIdSchema });
export type ContactIdInput = z.input<typeof contactIdInputSchema>;

/**
 * Moves a contact to the trash (SPEC §11: nothing is hard-deleted). Its card links stay, so restoring
 * brings everything back; meanwhile cards' quick search no longer finds it. Trashing twice changes nothing.
 */
export async function trashContact(ctx: Ctx, input: ContactIdInput): Promise<{ contactId: string; name: string; version: number }> {
  if (!can(ctx.actor, "contacts.trash")) throw forbidden();
  const { contactId } = contactIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const current = await getVisibleContactOrThrow(tx, ctx.actor, contactId, { includeTrashed: true, forUpdate: true });
    if (current.deletedAt) return { contactId, name: current.name, version: current.version };
    const version = current.version + 1;
    await tx
      .update(contacts)
      .set({ deletedAt: ctx.now, deletedById: ctx.actor.id, version, updatedAt: ctx.now })
      .where(eq(contacts.id, contactId));
    await refreshSearchTextForContact(tx, contactId);
    return { contactId, name: current.name, version };
  });
}
