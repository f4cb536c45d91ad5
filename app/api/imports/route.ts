import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { uploadMaxBytes } from "@/lib/documents/storage";
import { DomainError, httpStatus, invalid } from "@/lib/errors";
import { createImport } from "@/lib/import/create-import";
import { isAllowedOrigin, originPolicyFromEnv } from "@/lib/security/origin";

const headers = { "Cache-Control": "private, no-store" };
const fail = (error: string, status: number) => Response.json({ error }, { status, headers });

const query = z
  .object({
    target: z.enum(["cards", "contacts"]),
    moduleId: z.uuid().optional(),
    format: z.enum(["file", "paste"]),
    // The browser's file name, for the report only (the file is stored as a blob, never under this name).
    fileName: z
      .string()
      .transform((name) => name.replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/^.*[\\/]/, "").trim().slice(0, 200))
      .pipe(z.string().min(1)),
  })
  .refine((q) => (q.target === "cards") === (q.moduleId !== undefined), { message: "invalid_input" });

/** The request body as chunks, stopping with `file_too_large` once more than `max` bytes arrived (a chunked body has no Content-Length). */
async function* limited(body: ReadableStream<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > max) throw invalid("file_too_large", { file: "file_too_large" });
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/**
 * POST /api/imports?target=cards&moduleId=…&format=file|paste&fileName=… with the spreadsheet as the raw body
 * (an XHR upload, so the wizard shows its progress; server actions stop at a few MB). For those who may run
 * imports; the body streams into createImport, which stores it and detects its format → { importId }.
 */
export async function POST(request: Request) {
  // A route is not behind server.ts's action guard: refuse a cross-site POST carrying the user's cookie.
  if (!isAllowedOrigin(Object.fromEntries(request.headers), originPolicyFromEnv())) return fail("bad_origin", 403);
  const actor = await getCurrentUser();
  if (!actor) return fail("unauthenticated", 401);
  if (!can(actor, "imports.run")) return fail("forbidden", 403);

  const max = uploadMaxBytes();
  const declared = Number(request.headers.get("content-length"));
  // Refused before a byte of the body is read.
  if (Number.isFinite(declared) && declared > max) return fail("file_too_large", 413);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return fail("invalid_input", 422);
  if (!request.body) return fail("file_empty", 422);

  try {
    const { importId } = await createImport(
      { actor, db: await getDb(), now: systemClock.now() },
      { target: parsed.data.target, moduleId: parsed.data.moduleId ?? null, fileName: parsed.data.fileName, format: parsed.data.format, source: limited(request.body, max) },
    );
    return Response.json({ importId }, { status: 201, headers });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.code, fields: error.fields }, { status: error.code === "file_too_large" ? 413 : httpStatus[error.kind], headers });
    console.error(error);
    return fail("unexpected", 500);
  }
}
