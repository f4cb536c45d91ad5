import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { ContactInput } from "./contact-input";

/** Inserts a contact inside the caller's transaction (used by "New card" and the contacts page alike). */
export async function insertContact(tx: Db, input: ContactInput, actorId: string, now: Date) {
  const [contact] = await tx
    .insert(contacts)
    .values({ ...input, createdById: actorId, createdAt: now, updatedAt: now })
    .returning();
  return contact;
}
