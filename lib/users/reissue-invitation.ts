import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { queueSystemEmail } from "@/lib/email/system-email";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { jobsEnqueued } from "@/lib/jobs/wake";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { issueUserToken, setPasswordPath } from "./user-tokens";

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
    const { token, expiresAt } = await issueUserToken(tx, { userId, kind: "invitation", createdById: ctx.actor.id, now: ctx.now });
    const linkPath = setPasswordPath(token);
    const [{ locale }] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    const emailId = await queueSystemEmail(tx, {
      purpose: "invitation",
      to: { address: user.email, firstName: user.firstName, lastName: user.lastName, locale },
      linkPath,
      expiresAt,
      now: ctx.now,
    });
    return { userId, linkPath, expiresAt, emailId };
  });
  jobsEnqueued();
  return result;
}
