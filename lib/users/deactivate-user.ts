import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { loadUsersWithScope } from "@/lib/cards/list-card-users";
import { forbidden, invalid } from "@/lib/errors";
import { disconnectUser } from "@/lib/realtime/socket-server";
import { assertAnotherActiveAdmin } from "./admin-guard";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { handOverWork, type HandOver } from "./hand-over-work";
import { publishHandOver } from "./publish-hand-over";
import { idSchema } from "./schemas";
import { voidUserTokens } from "./user-tokens";

export const deactivateUserSchema = z.object({
  userId: idSchema,
  /** The colleague who takes over their open cards, open todos and automation steps; none sent (or ""): nothing moves. */
  handOverToId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional()),
});
export type DeactivateUserInput = z.input<typeof deactivateUserSchema>;

/**
 * Takes away a user's access: they are signed out everywhere at once and can no longer sign in or
 * use an open invitation or reset link. They stay listed as deactivated and keep their history.
 * With `handOverToId` (an active colleague), their open cards, open todos and automation senders
 * go to that colleague in the same transaction (lib/users/hand-over-work.ts, SPEC §1).
 */
export async function deactivateUser(
  ctx: Ctx,
  input: DeactivateUserInput,
): Promise<{ userId: string; changed: boolean; handOver: HandOver | null }> {
  if (!can(ctx.actor, "users.deactivate")) throw forbidden();
  const { userId, handOverToId } = deactivateUserSchema.parse(input);
  if (userId === ctx.actor.id) throw invalid("cannot_deactivate_self");
  if (handOverToId === userId) throw invalid("handover_to_self", { handOverToId: "handover_to_self" });
  const result = await ctx.db.transaction(async (tx) => {
    await assertAnotherActiveAdmin(tx, userId);
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.deactivatedAt) return { userId, changed: false, handOver: null };
    let colleague = null;
    if (handOverToId) {
      // Locked, so they cannot be deactivated themselves while their new work is written.
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, handOverToId)).for("update");
      [colleague] = row ? await loadUsersWithScope(tx, [handOverToId]) : [];
      if (!colleague || colleague.deactivatedAt) throw invalid("inactive_user", { handOverToId: "inactive_user" });
    }
    await tx
      .update(users)
      .set({ deactivatedAt: ctx.now, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    await voidUserTokens(tx, userId, ctx.now);
    const handOver = colleague ? await handOverWork(tx, { fromId: userId, to: colleague, actorId: ctx.actor.id, now: ctx.now }) : null;
    return { userId, changed: true, handOver };
  });
  if (result.changed) disconnectUser(userId);
  if (result.handOver) await publishHandOver(ctx.db, result.handOver);
  return result;
}
