import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, userTokens, type UserTokenKind } from "@/db/schema";
import { invalid } from "@/lib/errors";

/**
 * One-time links (invitation, password reset). The token itself goes to the admin once, in the
 * link; the database keeps only its SHA-256, so a leaked database cannot be used to sign in.
 * These helpers take a transaction from the calling verb and check no permissions themselves.
 */
const hour = 3600_000;
export const tokenLifetimeMs: Record<UserTokenKind, number> = { invitation: 7 * 24 * hour, password_reset: 24 * hour };

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The public page where the link leads (app/set-password/[token]). */
export const setPasswordPath = (token: string): string => `/set-password/${token}`;

/** 32 random bytes in base64url. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** Voids a user's unused tokens (of one kind, or all), keeping the rows: they expire now. */
export async function voidUserTokens(db: Db, userId: string, now: Date, kind?: UserTokenKind): Promise<void> {
  await db
    .update(userTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(userTokens.userId, userId),
        kind ? eq(userTokens.kind, kind) : undefined,
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    );
}

/** Issues a new token; older unused ones of the same user and kind stop working. */
export async function issueUserToken(
  db: Db,
  { userId, kind, createdById, now }: { userId: string; kind: UserTokenKind; createdById: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  await voidUserTokens(db, userId, now, kind);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + tokenLifetimeMs[kind]);
  await db.insert(userTokens).values({ userId, kind, tokenHash: hashToken(token), expiresAt, createdById, createdAt: now });
  return { token, expiresAt };
}

export type ValidUserToken = {
  id: string;
  kind: UserTokenKind;
  expiresAt: Date;
  user: { id: string; email: string; firstName: string; lastName: string };
};

/**
 * The token's row and its user, or an `invalid` error: "token_invalid" (unknown, or the user was
 * deactivated), "token_used", "token_expired". `forUpdate` locks the row until the transaction ends.
 */
export async function findValidUserToken(db: Db, token: string, now: Date, { forUpdate = false } = {}): Promise<ValidUserToken> {
  if (!tokenShape.test(token)) throw invalid("token_invalid");
  const query = db
    .select({
      id: userTokens.id,
      kind: userTokens.kind,
      expiresAt: userTokens.expiresAt,
      usedAt: userTokens.usedAt,
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      deactivatedAt: users.deactivatedAt,
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.tokenHash, hashToken(token)));
  const [row] = forUpdate ? await query.for("update", { of: userTokens }) : await query;
  if (!row || row.deactivatedAt) throw invalid("token_invalid");
  if (row.usedAt) throw invalid("token_used");
  if (row.expiresAt.getTime() <= now.getTime()) throw invalid("token_expired");
  return {
    id: row.id,
    kind: row.kind,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, firstName: row.firstName, lastName: row.lastName },
  };
}

/** Marks a token used; a second use (even a simultaneous one) gets "token_used". */
export async function markUserTokenUsed(db: Db, tokenId: string, now: Date): Promise<void> {
  const marked = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  if (marked.length === 0) throw invalid("token_used");
}
