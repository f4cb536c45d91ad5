import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { disconnectUser } from "@/lib/realtime/socket-server";
import { assertAnotherActiveAdmin } from "./admin-guard";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";
import { voidUserTokens } from "./user-tokens";

export type DeactivateUserInput = z.input<typeof userIdInputSchema>;

/**
 * Takes away a user's access: they are signed out everywhere at once and can no longer sign in or
 * use an open invitation or reset link. They stay listed as deactivated and keep their history.
 */
export async function deactivateUser(ctx: Ctx, input: DeactivateUserInput): Promise<{ userId: string; changed: boolean }> {
  if (!can(ctx.actor, "users.deactivate")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  if (userId === ctx.actor.id) throw invalid("cannot_deactivate_self");
  const result = await ctx.db.transaction(async (tx) => {
    await assertAnotherActiveAdmin(tx, userId);
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) return { userId, changed: false };
    // Handing the user's open cards, todos and automation senders over to a colleague comes with cards (SPEC §1).
    await tx
      .update(users)
      .set({ deactivatedAt: ctx.now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    await voidUserTokens(tx, userId, ctx.now);
    return { userId, changed: true };
  });
  if (result.changed) disconnectUser(userId);
  return result;
}
