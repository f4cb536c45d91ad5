import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { getAvatar } from "@/lib/profile/get-avatar";

// A URL carrying the current version (?v=…) never changes content; others are revalidated with the ETag.
const versionedCache = "private, max-age=31536000, immutable";
const plainCache = "private, max-age=60, must-revalidate";

/** A user's profile picture, for logged-in users only. */
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  const { userId } = await params;
  const avatar = await getAvatar(
    { actor, db: await getDb(), now: systemClock.now() },
    { userId, ifNoneMatch: request.headers.get("if-none-match") },
  );
  if (avatar.kind === "none") return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });

  const versioned = new URL(request.url).searchParams.get("v") === avatar.version;
  const headers = new Headers({
    ETag: avatar.etag,
    "Cache-Control": versioned ? versionedCache : plainCache,
    "X-Content-Type-Options": "nosniff",
  });
  if (avatar.kind === "not_modified") return new Response(null, { status: 304, headers });
  headers.set("Content-Type", avatar.mimeType);
  headers.set("Content-Length", String(avatar.data.length));
  headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  return new Response(new Uint8Array(avatar.data), { headers });
}
