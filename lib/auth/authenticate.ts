import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./login-throttle";
import { verifyPassword } from "./password";

type Attempt = { email: string; password: string; ip: string | null; now: Date };
export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; sessionVersion: number } }
  | { ok: false; code: "invalid" | `throttled-${number}` };

/** Checks a login attempt. The answer never tells whether the email exists. */
export async function authenticate(db: Db, { email, password, ip, now }: Attempt): Promise<AuthenticateResult> {
  const who = { email, ip };
  const wait = await loginRetryAfter(db, who, now);
  if (wait > 0) return { ok: false, code: `throttled-${wait}` };

  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.trim().toLowerCase()), isNull(users.deactivatedAt)));
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordLoginFailure(db, who, now);
    return { ok: false, code: "invalid" };
  }
  await clearLoginFailures(db, who);
  return { ok: true, user: { id: user.id, email: user.email, sessionVersion: user.sessionVersion } };
}
