import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users, type UserTokenKind } from "@/db/schema";
import type { PublicCtx } from "@/lib/actions/safe-action";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { disconnectUser } from "@/lib/realtime/socket-server";
import { findValidUserToken, markUserTokenUsed, voidUserTokens } from "./user-tokens";

export const setPasswordWithTokenSchema = z
  .object({
    token: z.string("token_invalid").max(100, "token_invalid"),
    password: passwordSchema,
    confirmation: z.string("required"),
  })
  .refine((d) => d.password === d.confirmation, { message: "passwords_differ", path: ["confirmation"] });
export type SetPasswordWithTokenInput = z.input<typeof setPasswordWithTokenSchema>;

/**
 * Public (no session): an invitation or password-reset link sets the user's password. The token
 * is used up, the user's other open links stop working, and every session they had ends.
 * Errors: "token_invalid", "token_used", "token_expired"; nothing changes then.
 */
export async function setPasswordWithToken(
  ctx: PublicCtx,
  input: SetPasswordWithTokenInput,
): Promise<{ userId: string; email: string; kind: UserTokenKind }> {
  const data = setPasswordWithTokenSchema.parse(input);
  // Hashing takes a while: do it before the transaction, which then holds its locks only briefly.
  const passwordHash = await hashPassword(data.password);
  const result = await ctx.db.transaction(async (tx) => {
    const token = await findValidUserToken(tx, data.token, ctx.now, { forUpdate: true });
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, token.user.id));
    await markUserTokenUsed(tx, token.id, ctx.now);
    await voidUserTokens(tx, token.user.id, ctx.now);
    return { userId: token.user.id, email: token.user.email, kind: token.kind };
  });
  disconnectUser(result.userId);
  return result;
}
