import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError, httpStatus } from "@/lib/errors";
import { getImport } from "@/lib/import/get-import";
import { importReportCsv } from "@/lib/import/import-report-csv";

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const noStore = { "Cache-Control": "private, no-store" };

/** GET /api/imports/<id>/report?separator=; — the run's report as CSV (UTF-8 with BOM), streamed as importReportCsv writes it. */
export async function GET(request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401, headers: noStore });
  if (!can(actor, "imports.run")) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const { importId } = await params;
  if (!isUuid(importId)) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  const separator = new URL(request.url).searchParams.get("separator") === ";" ? ";" : ",";
  const ctx = { actor, db: await getDb(), now: systemClock.now() };

  let fileName: string;
  let rows: AsyncGenerator<string>;
  let first: IteratorResult<string>;
  try {
    fileName = (await getImport(ctx, importId)).fileName;
    rows = importReportCsv(ctx, { importId, separator });
    // The first piece is read here, so a refusal still becomes a status code rather than a broken download.
    first = await rows.next();
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.code }, { status: httpStatus[error.kind], headers: noStore });
    throw error;
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
      else controller.close();
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const base = fileName.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N} ._-]/gu, "_") || "import";
  const name = `${base}-report.csv`;
  return new Response(first.done ? "" : body, {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
