import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { forbidden, invalid } from "@/lib/errors";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { emailUserLink } from "./email-user-link";

export type IssuePasswordResetInput = z.input<typeof userIdInputSchema>;

/**
 * A password-reset link (valid 24 hours) emailed to the user and shown to the admin, who can pass it on; the previous reset link stops
 * working. The user's password and sessions stay as they are until the link is used.
 */
export async function issuePasswordReset(
  ctx: Ctx,
  input: IssuePasswordResetInput,
): Promise<{ userId: string; linkPath: string; expiresAt: Date; emailId: string }> {
  if (!can(ctx.actor, "users.reset_password")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) throw invalid("user_deactivated");
    const [{ locale }] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    const link = await emailUserLink(tx, { ...user, id: userId, locale }, "password_reset", { actorId: ctx.actor.id, now: ctx.now });
    return { userId, ...link };
  });
  return result;
}
