import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError, httpStatus } from "@/lib/errors";
import { searchEverything } from "@/lib/search/search-everything";

const headers = { "Cache-Control": "private, no-store" };

/** The header's search box: GET /api/search?q=… → grouped results (lib/search/search-everything.ts), logged-in users only. */
export async function GET(request: Request) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401, headers });
  try {
    const q = new URL(request.url).searchParams.get("q") ?? "";
    return Response.json(await searchEverything({ actor, db: await getDb(), now: systemClock.now() }, { q }), { headers });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.code, fields: error.fields }, { status: httpStatus[error.kind], headers });
    throw error;
  }
}
