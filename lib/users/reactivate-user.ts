import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { disconnectUser } from "@/lib/realtime/socket-server";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { userIdInputSchema } from "./schemas";

export type ReactivateUserInput = z.input<typeof userIdInputSchema>;

/** Gives a deactivated user their access back, with their old password and role; they sign in afresh. */
export async function reactivateUser(ctx: Ctx, input: ReactivateUserInput): Promise<{ userId: string; changed: boolean }> {
  if (!can(ctx.actor, "users.reactivate")) throw forbidden();
  const { userId } = userIdInputSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (!user.deactivatedAt) return { userId, changed: false };
    await tx
      .update(users)
      .set({ deactivatedAt: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    return { userId, changed: true };
  });
  if (result.changed) disconnectUser(userId);
  return result;
}
