import { eq } from "drizzle-orm";
import { z } from "zod";
import { userAvatars } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { avatarVersion } from "./rules";

export type AvatarResult =
  | { kind: "none" }
  | { kind: "not_modified"; etag: string; version: string }
  | { kind: "file"; etag: string; version: string; mimeType: string; data: Buffer };

const getAvatarSchema = z.object({ userId: z.string(), ifNoneMatch: z.string().nullish() });

export const avatarEtag = (updatedAt: Date): string => `"${avatarVersion(updatedAt)}"`;

/** True when an If-None-Match header names this ETag (or is `*`); weak and strong forms both count. */
function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/**
 * Any user's profile picture, for any logged-in user (pictures stand beside todos and history
 * entries everywhere, also of deactivated users). The bytes are not read when the caller's
 * If-None-Match already names the current version.
 */
export async function getAvatar(ctx: Ctx, input: { userId: string; ifNoneMatch?: string | null }): Promise<AvatarResult> {
  const { userId, ifNoneMatch } = getAvatarSchema.parse(input);
  if (!z.guid().safeParse(userId).success) return { kind: "none" };
  const [meta] = await ctx.db
    .select({ updatedAt: userAvatars.updatedAt })
    .from(userAvatars)
    .where(eq(userAvatars.userId, userId));
  if (!meta) return { kind: "none" };
  const etag = avatarEtag(meta.updatedAt);
  const version = avatarVersion(meta.updatedAt);
  if (matches(ifNoneMatch, etag)) return { kind: "not_modified", etag, version };

  const [row] = await ctx.db
    .select({ mimeType: userAvatars.mimeType, data: userAvatars.data, updatedAt: userAvatars.updatedAt })
    .from(userAvatars)
    .where(eq(userAvatars.userId, userId));
  if (!row) return { kind: "none" };
  return { kind: "file", etag: avatarEtag(row.updatedAt), version: avatarVersion(row.updatedAt), mimeType: row.mimeType, data: row.data };
}
