import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { userAvatars } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { avatarMaxBytes, avatarMimeTypes, type AvatarMimeType } from "./rules";

export const setAvatarSchema = z.object({
  file: z
    .instanceof(File, { message: "required" })
    .refine((file) => file.size > 0, "required")
    .refine((file) => file.size <= avatarMaxBytes, "avatar_too_large"),
});
export type SetAvatarInput = z.input<typeof setAvatarSchema>;

const isAllowed = (mime: string | undefined): mime is AvatarMimeType => avatarMimeTypes.includes(mime as AvatarMimeType);

/**
 * Stores a user's own profile picture, replacing any previous one. The type is detected from the
 * bytes (a renamed text file is refused whatever its name or the browser claims) and stored with it.
 */
export async function setAvatar(
  ctx: Ctx,
  input: { userId: string } & SetAvatarInput,
): Promise<{ userId: string; mimeType: AvatarMimeType; updatedAt: Date }> {
  const { userId, ...fields } = input;
  if (!can(ctx.actor, "profile.update", { userId })) throw forbidden();
  const { file } = setAvatarSchema.parse(fields);

  const data = Buffer.from(await file.arrayBuffer());
  const mimeType = (await fileTypeFromBuffer(data))?.mime;
  if (!isAllowed(mimeType)) throw invalid("avatar_not_image", { file: "avatar_not_image" });

  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(userAvatars)
      .values({ userId, mimeType, data, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: userAvatars.userId, set: { mimeType, data, updatedAt: ctx.now } });
  });
  return { userId, mimeType, updatedAt: ctx.now };
}
