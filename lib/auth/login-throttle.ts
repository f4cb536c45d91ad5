import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginThrottle } from "@/db/schema";

/** After this many failures a key is locked, for 30 s doubling with each further failure, up to an hour. */
const limits = { email: 5, ip: 20 } as const;
const baseLockSeconds = 30;
const maxLockSeconds = 3600;
/** Failures older than this are forgotten. */
const forgetAfterMs = 24 * 3600 * 1000;

export type ThrottleKeys = { email: string; ip: string | null };

function keysOf({ email, ip }: ThrottleKeys): { key: string; limit: number }[] {
  const keys: { key: string; limit: number }[] = [{ key: `email:${email.trim().toLowerCase()}`, limit: limits.email }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: limits.ip });
  return keys;
}

/** Seconds until the next attempt is allowed, or 0. */
export async function loginRetryAfter(db: Db, who: ThrottleKeys, now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keysOf(who).map((k) => k.key)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordLoginFailure(db: Db, who: ThrottleKeys, now: Date): Promise<void> {
  // Raw SQL gets ISO strings: postgres.js cannot bind a bare Date inside sql``.
  const forgetBefore = new Date(now.getTime() - forgetAfterMs).toISOString();
  const nowIso = now.toISOString();
  for (const { key, limit } of keysOf(who)) {
    // One statement per key: the counter and the lock move together even under concurrent attempts.
    const failures = sql`(case when ${loginThrottle.lastFailureAt} < ${forgetBefore}::timestamptz then 0 else ${loginThrottle.failures} end) + 1`;
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures,
          lastFailureAt: now,
          lockedUntil: sql`case when ${failures} >= ${limit}
            then ${nowIso}::timestamptz + make_interval(secs => least(${maxLockSeconds}, ${baseLockSeconds} * power(2, ${failures} - ${limit})))
            else null end`,
        },
      });
  }
}

export async function clearLoginFailures(db: Db, who: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keysOf(who)[0].key]));
}
