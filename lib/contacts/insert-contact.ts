import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { assertLiveCompany } from "./assert-live-company";
import type { ContactInput } from "./contact-input";

/**
 * Inserts a contact inside the caller's transaction (used by "New card", a card's "New contact" and
 * the contacts page alike). A person's company must be a live company the actor may see.
 */
export async function insertContact(tx: Db, input: ContactInput, actor: Pick<Actor, "id" | "role" | "groupIds">, now: Date) {
  if (input.companyId) await assertLiveCompany(tx, actor, input.companyId);
  const [contact] = await tx
    .insert(contacts)
    .values({ ...input, createdById: actor.id, createdAt: now, updatedAt: now })
    .returning();
  return contact;
}
