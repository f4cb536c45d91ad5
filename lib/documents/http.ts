import { ZodError } from "zod";
import { DomainError, httpStatus } from "@/lib/errors";
import { contentDisposition, inlineSafeTypes } from "./document-name";
import type { OpenedDocument } from "./open-document";
import { readBlob } from "./storage";
import type { Db } from "@/db/client";

const noStore = { "Cache-Control": "no-store" };

/** Everything served here runs nothing: no script, no plugin, a unique origin (sandbox). */
const sandboxPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
/**
 * A PDF shown inline: browsers never run a sandboxed document's PDF viewer (a sandbox disables plugins),
 * so a PDF gets the same policy without `sandbox` — no script, no connection, only itself as an object.
 * Its own scripts, if any, run inside the browser's PDF viewer, never on the app's origin.
 */
const pdfPolicy = "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'";

/** A route's error as JSON `{ error: code }` with the domain's status (the browser translates the code). */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const status = error.code === "file_too_large" ? 413 : httpStatus[error.kind];
    return Response.json({ error: error.code, fields: error.fields }, { status, headers: noStore });
  }
  if (error instanceof ZodError) return Response.json({ error: error.issues[0]?.message ?? "invalid_input" }, { status: 422, headers: noStore });
  console.error(error);
  return Response.json({ error: "unexpected" }, { status: 500, headers: noStore });
}

export const jsonError = (status: number, error: string) => Response.json({ error }, { status, headers: noStore });

/** Node's web stream of a request body as the async iterable putBlob reads. */
export async function* bodyChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A document's bytes as a response, streamed from the database chunk by chunk. Inline only for PDFs
 * and raster images (and only when asked); anything else — HTML, SVG, text — is an attachment. Always
 * `nosniff` and a sandboxing CSP, so nothing served here can run script on the app's origin.
 */
export function documentResponse(db: Db, document: OpenedDocument, { inline, cache }: { inline: boolean; cache: string }): Response {
  const showInline = inline && inlineSafeTypes.has(document.mimeType);
  const chunks = readBlob(db, document.blobId);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": showInline ? document.mimeType : document.mimeType.startsWith("text/") ? "text/plain; charset=utf-8" : "application/octet-stream",
      "Content-Length": String(document.size),
      "Content-Disposition": contentDisposition(showInline ? "inline" : "attachment", document.name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": showInline && document.mimeType === "application/pdf" ? pdfPolicy : sandboxPolicy,
      "Cross-Origin-Resource-Policy": "same-origin",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": cache,
    },
  });
}
