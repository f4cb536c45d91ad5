import { eq } from "drizzle-orm";
import { z } from "zod";
import { userAvatars } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

const removeAvatarSchema = z.object({ userId: z.guid("not_found") });

/** Removes a user's own profile picture (their initials show instead). Removing none is not an error. */
export async function removeAvatar(ctx: Ctx, input: { userId: string }): Promise<{ userId: string; removed: boolean }> {
  if (!can(ctx.actor, "profile.update", { userId: input.userId })) throw forbidden();
  const { userId } = removeAvatarSchema.parse(input);
  const removed = await ctx.db.transaction(async (tx) =>
    tx.delete(userAvatars).where(eq(userAvatars.userId, userId)).returning({ userId: userAvatars.userId }),
  );
  return { userId, removed: removed.length > 0 };
}
