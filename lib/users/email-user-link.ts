import type { Db } from "@/db/client";
import type { UserTokenKind } from "@/db/schema";
import { queueSystemEmail } from "@/lib/email/system-email";
import { issueUserToken, setPasswordPath } from "./user-tokens";

type LinkUser = { id: string; email: string; firstName: string; lastName: string; locale: "hu" | "en" | null };

/**
 * An invitation or password-reset link for a user, in the caller's transaction: a new token (older
 * ones of the kind stop working) and the email that carries it, in the user's language. The admin
 * gets the link too, to pass on by hand. The email's delivery job is announced after the caller's
 * server action finished (`announcingJobs`).
 */
export async function emailUserLink(tx: Db, user: LinkUser, kind: UserTokenKind, { actorId, now }: { actorId: string; now: Date }) {
  const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind, createdById: actorId, now });
  const linkPath = setPasswordPath(token);
  const emailId = await queueSystemEmail(tx, {
    purpose: kind,
    to: { address: user.email, firstName: user.firstName, lastName: user.lastName, locale: user.locale },
    linkPath,
    expiresAt,
    now,
  });
  return { linkPath, expiresAt, emailId };
}
