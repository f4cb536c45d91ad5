/** Limits of a profile, shared by the verbs and the forms (hints, client-side checks); no server code here. */

export const emailSignatureMaxLength = 5000;

/** What a profile picture may be. */
export const avatarMaxBytes = 2 * 1024 * 1024;

/** Checked against the file's content, never its name or the browser's MIME type. */
export const avatarMimeTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type AvatarMimeType = (typeof avatarMimeTypes)[number];

/** The version a picture URL carries (`?v=`) and its ETag are made of, so a new picture never comes from a stale cache. */
export const avatarVersion = (updatedAt: Date): string => String(updatedAt.getTime());
