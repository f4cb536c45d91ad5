import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cardContacts, contacts, type ContactKind } from "@/db/schema";

/** The longest address SMTP carries (RFC 5321's path limit). */
export const maxAddressLength = 254;

/**
 * An address an email may go to: one line (a CR or LF would let it add headers), at most 254
 * characters, and a real domain with a dot (`a@b` is refused), by zod's strict email check.
 */
export const emailAddressSchema = z
  .string("email_address_invalid")
  .refine((s) => !/[\r\n]/.test(s), "email_address_invalid")
  .trim()
  .max(maxAddressLength, "email_address_invalid")
  .pipe(z.email("email_address_invalid"));

export type CardEmailRecipient = { address: string; name: string; contactId: string; kind: ContactKind };

/**
 * The addresses a card's email may go to: every address of the live contacts linked to it, in the
 * card's contact order (no visibility check: callers have established the card is visible).
 * Stored addresses that would not pass `emailAddressSchema` are left out.
 */
export async function cardEmailRecipients(db: Db, cardId: string): Promise<CardEmailRecipient[]> {
  const rows = await db
    .select({ id: contacts.id, name: contacts.name, kind: contacts.kind, emails: contacts.emails })
    .from(cardContacts)
    .innerJoin(contacts, and(eq(contacts.id, cardContacts.contactId), isNull(contacts.deletedAt)))
    .where(eq(cardContacts.cardId, cardId))
    .orderBy(asc(cardContacts.position));
  return rows.flatMap((c) =>
    c.emails.filter((address) => emailAddressSchema.safeParse(address).success).map((address) => ({ address, name: c.name, contactId: c.id, kind: c.kind })),
  );
}

/** The card's recipient with this address (case-insensitive), or undefined when no linked contact has it. */
export function findRecipient(recipients: CardEmailRecipient[], address: string): CardEmailRecipient | undefined {
  const wanted = address.toLowerCase();
  return recipients.find((r) => r.address.toLowerCase() === wanted);
}
