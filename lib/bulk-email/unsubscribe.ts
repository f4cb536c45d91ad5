import { and, eq } from "drizzle-orm";
import type { PublicCtx } from "@/lib/actions/safe-action";
import { emails, emailSuppressions } from "@/db/schema";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export type UnsubscribeResult = { ok: true; address: string } | { ok: false };

/**
 * One-click unsubscribe (RFC 8058) with a signed token: the bulk email's address goes into the
 * suppression list, and later bulk runs skip it ("unsubscribed"). A forged token, or one of an email
 * that is not a bulk email, changes nothing; a replayed one finds the address already listed — also
 * nothing. No session: the link works from any mail client.
 */
export async function unsubscribeByToken({ db, now }: PublicCtx, token: unknown): Promise<UnsubscribeResult> {
  const emailId = verifyUnsubscribeToken(token);
  if (!emailId) return { ok: false };
  const [email] = await db
    .select({ id: emails.id, address: emails.toAddress })
    .from(emails)
    .where(and(eq(emails.id, emailId), eq(emails.kind, "bulk")));
  if (!email) return { ok: false };
  const address = email.address.trim().toLowerCase();
  await db.insert(emailSuppressions).values({ address, reason: "unsubscribed", emailId: email.id, createdAt: now }).onConflictDoNothing({ target: emailSuppressions.address });
  return { ok: true, address };
}

/** For the confirmation page (GET): whose address a token would unsubscribe, without doing it. */
export async function unsubscribeTarget({ db }: Pick<PublicCtx, "db">, token: unknown): Promise<{ address: string; suppressed: boolean } | null> {
  const emailId = verifyUnsubscribeToken(token);
  if (!emailId) return null;
  const [email] = await db
    .select({ address: emails.toAddress })
    .from(emails)
    .where(and(eq(emails.id, emailId), eq(emails.kind, "bulk")));
  if (!email) return null;
  const address = email.address.trim().toLowerCase();
  const [row] = await db.select({ address: emailSuppressions.address }).from(emailSuppressions).where(eq(emailSuppressions.address, address));
  return { address, suppressed: Boolean(row) };
}
