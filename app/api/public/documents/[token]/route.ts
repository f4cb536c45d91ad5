import { getDb } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { documentResponse, errorResponse } from "@/lib/documents/http";
import { openPublicDocument } from "@/lib/documents/open-document";

/**
 * A published document, for anyone holding its link (no session). A revoked, expired, trashed or
 * guessed token answers 404. Served like every document (lib/documents/http.ts): nosniff, a sandboxing
 * CSP, inline only for PDFs and raster images; never cached by shared caches, so a revoke is final.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const db = await getDb();
    const document = await openPublicDocument(db, token, systemClock.now());
    const inline = new URL(request.url).searchParams.get("download") !== "1";
    const response = documentResponse(db, document, { inline, cache: "private, no-store" });
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
