import { z } from "zod";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { issueUserToken, setPasswordPath } from "./user-tokens";

export type IssuePasswordResetInput = z.input<typeof userIdInputSchema>;

/**
 * A password-reset link (valid 24 hours) that the admin passes on; the previous reset link stops
 * working. The user's password and sessions stay as they are until the link is used.
 */
export async function issuePasswordReset(
  ctx: Ctx,
  input: IssuePasswordResetInput,
): Promise<{ userId: string; linkPath: string; expiresAt: Date }> {
  if (!can(ctx.actor, "users.reset_password")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) throw invalid("user_deactivated");
    const { token, expiresAt } = await issueUserToken(tx, { userId, kind: "password_reset", createdById: ctx.actor.id, now: ctx.now });
    return { userId, linkPath: setPasswordPath(token), expiresAt };
  });
}
