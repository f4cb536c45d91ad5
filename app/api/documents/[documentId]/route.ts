import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { documentResponse, errorResponse, jsonError } from "@/lib/documents/http";
import { openDocument } from "@/lib/documents/open-document";

/** A document for a signed-in user who may see it (404 otherwise, by id or by guessing). `?download=1` always downloads. */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return jsonError(401, "unauthenticated");
  const { documentId } = await params;
  if (!z.uuid().safeParse(documentId).success) return jsonError(404, "document_not_found");
  try {
    const db = await getDb();
    const document = await openDocument({ actor, db, now: systemClock.now() }, documentId);
    const inline = new URL(request.url).searchParams.get("download") !== "1";
    return documentResponse(db, document, { inline, cache: "private, no-store" });
  } catch (error) {
    return errorResponse(error);
  }
}
