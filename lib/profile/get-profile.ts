import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { userAvatars, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/org/organisation";

export type Profile = {
  userId: string;
  lastName: string;
  firstName: string;
  email: string;
  emailSignature: string;
  locale: Locale | null;
  /** Null when the user has no picture; else when it was last changed (the picture URL's version). */
  avatar: { updatedAt: Date } | null;
};

const getProfileSchema = z.object({ userId: z.guid("not_found") });

/** What the profile page shows and edits: the user's own details. */
export async function getProfile(ctx: Ctx, input: { userId: string }): Promise<Profile> {
  if (!can(ctx.actor, "profile.update", { userId: input.userId })) throw forbidden();
  const { userId } = getProfileSchema.parse(input);
  const [row] = await ctx.db
    .select({
      userId: users.id,
      lastName: users.lastName,
      firstName: users.firstName,
      email: users.email,
      emailSignature: users.emailSignature,
      locale: users.locale,
      avatarUpdatedAt: userAvatars.updatedAt,
    })
    .from(users)
    .leftJoin(userAvatars, eq(userAvatars.userId, users.id))
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  if (!row) throw notFound();
  const { avatarUpdatedAt, ...profile } = row;
  return { ...profile, avatar: avatarUpdatedAt ? { updatedAt: avatarUpdatedAt } : null };
}
