import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { loginRetryAfter, recordLoginFailure } from "@/lib/auth/login-throttle";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { reconnectUsers } from "@/lib/realtime/socket-server";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string("required").min(1, "required").max(200, "password_too_long"),
    newPassword: passwordSchema,
    confirmPassword: z.string("required"),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: "passwords_differ", path: ["confirmPassword"] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

const wrongCurrentPassword = () => invalid("wrong_current_password", { currentPassword: "wrong_current_password" });

/**
 * Changes a user's own password. The current password must be given (and guessing it here is
 * throttled like a login); on success every session of the user ends at once (sessionVersion
 * moves on) and their live connections are closed. The caller signs the current browser in again.
 */
export async function changePassword(
  ctx: Ctx,
  input: { userId: string } & ChangePasswordInput,
): Promise<{ userId: string; sessionVersion: number }> {
  const { userId, ...fields } = input;
  if (!can(ctx.actor, "profile.update", { userId })) throw forbidden();
  const { currentPassword, newPassword } = changePasswordSchema.parse(fields);

  const [user] = await ctx.db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!user) throw notFound();

  // Outside the transaction: a failed guess must be remembered even though nothing else is written.
  const who = { email: user.email, ip: null };
  const wait = await loginRetryAfter(ctx.db, who, ctx.now);
  if (wait > 0) throw invalid(`throttled-${wait}`);
  const oldHash = user.passwordHash;
  if (!oldHash || !(await verifyPassword(oldHash, currentPassword))) {
    await recordLoginFailure(ctx.db, who, ctx.now);
    throw wrongCurrentPassword();
  }

  const passwordHash = await hashPassword(newPassword);
  const updated = await ctx.db.transaction(async (tx) =>
    tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      // Only if nobody changed the password since it was checked above.
      .where(and(eq(users.id, userId), eq(users.passwordHash, oldHash), isNull(users.deactivatedAt)))
      .returning({ sessionVersion: users.sessionVersion }),
  );
  if (updated.length === 0) throw wrongCurrentPassword();

  // Every connection drops; only this browser's (its session renewed) gets back in on reconnecting.
  reconnectUsers([userId]);
  return { userId, sessionVersion: updated[0].sessionVersion };
}
