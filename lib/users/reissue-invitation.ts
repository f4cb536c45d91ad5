import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { emailUserLink } from "./email-user-link";

export type ReissueInvitationInput = z.input<typeof userIdInputSchema>;

/** A new invitation link for a user who has not set a password yet; the previous link stops working. */
export async function reissueInvitation(
  ctx: Ctx,
  input: ReissueInvitationInput,
): Promise<{ userId: string; linkPath: string; expiresAt: Date; emailId: string }> {
  if (!can(ctx.actor, "users.invite")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) throw invalid("user_deactivated");
    if (user.hasPassword) throw conflict("already_joined");
    const [{ locale }] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    const link = await emailUserLink(tx, { ...user, id: userId, locale }, "invitation", { actorId: ctx.actor.id, now: ctx.now });
    return { userId, ...link };
  });
  return result;
}
