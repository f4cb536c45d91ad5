import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { issueUserToken, setPasswordPath } from "./user-tokens";

export type ReissueInvitationInput = z.input<typeof userIdInputSchema>;

/** A new invitation link for a user who has not set a password yet; the previous link stops working. */
export async function reissueInvitation(
  ctx: Ctx,
  input: ReissueInvitationInput,
): Promise<{ userId: string; linkPath: string; expiresAt: Date }> {
  if (!can(ctx.actor, "users.invite")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) throw invalid("user_deactivated");
    if (user.hasPassword) throw conflict("already_joined");
    const { token, expiresAt } = await issueUserToken(tx, { userId, kind: "invitation", createdById: ctx.actor.id, now: ctx.now });
    return { userId, linkPath: setPasswordPath(token), expiresAt };
  });
}
