import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { bodyChunks, errorResponse, jsonError } from "@/lib/documents/http";
import { publishDocumentChanges } from "@/lib/documents/publish-changes";
import { uploadMaxBytes } from "@/lib/documents/storage";
import { uploadDocument } from "@/lib/documents/upload-document";
import { isAllowedOrigin, originPolicyFromEnv } from "@/lib/security/origin";

/**
 * Uploads one file: the raw body (not a form), streamed into the database as it arrives. The target is
 * in the query (`moduleId`, `folderId`, `cardId`), the file's name in `X-File-Name` (URI-encoded). A
 * foreign Origin is refused (server.ts guards only server actions), and so is a declared length over
 * UPLOAD_MAX_MB before a byte is read; a chunked body is counted as it streams.
 */
export async function POST(request: Request) {
  if (!isAllowedOrigin(Object.fromEntries(request.headers), originPolicyFromEnv())) return jsonError(403, "forbidden");
  const actor = await getCurrentUser();
  if (!actor) return jsonError(401, "unauthenticated");
  const maxBytes = uploadMaxBytes();
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return jsonError(413, "file_too_large");
  const query = new URL(request.url).searchParams;
  let name: string;
  try {
    name = decodeURIComponent(request.headers.get("x-file-name") ?? "");
  } catch {
    return jsonError(422, "document_name_invalid");
  }
  try {
    const db = await getDb();
    const change = await uploadDocument(
      { actor, db, now: systemClock.now() },
      { moduleId: query.get("moduleId") ?? "", folderId: query.get("folderId"), cardId: query.get("cardId"), name },
      bodyChunks(request.body),
      { maxBytes },
    );
    await publishDocumentChanges(db, [change]);
    return Response.json({ documentId: change.documentId }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
