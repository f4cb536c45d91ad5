import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users, type Role } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { disconnectUser } from "@/lib/realtime/socket-server";
import { assertAnotherActiveAdmin } from "./admin-guard";
import { getUserForUpdateOrThrow } from "./get-user-or-throw";
import { idSchema, roleSchema } from "./schemas";

export const changeUserRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

/**
 * Changes a user's role. Their sessions end at once (sessionVersion moves on, live sockets are
 * closed), so the new permissions apply from their next sign-in. The last active admin stays admin.
 */
export async function changeUserRole(
  ctx: Ctx,
  input: ChangeUserRoleInput,
): Promise<{ userId: string; role: Role; previousRole: Role; changed: boolean }> {
  if (!can(ctx.actor, "users.change_role")) throw forbidden();
  const { userId, role } = changeUserRoleSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    if (role !== "admin") await assertAnotherActiveAdmin(tx, userId);
    const user = await getUserForUpdateOrThrow(tx, userId);
    if (user.role === role) return { userId, role, previousRole: user.role, changed: false };
    await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId));
    return { userId, role, previousRole: user.role, changed: true };
  });
  if (result.changed) disconnectUser(userId);
  return result;
}
