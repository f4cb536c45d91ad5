import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { startFullExport } from "@/lib/export/start-full-export";
import { isAllowedOrigin, originPolicyFromEnv } from "@/lib/security/origin";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * Settings → Export's download: the whole organisation's data as a zip, streamed (admins only). A form
 * POST, so its Origin is checked like a server action's: another site cannot start an export in an
 * admin's browser.
 */
export async function POST(request: Request) {
  if (!isAllowedOrigin(Object.fromEntries(request.headers), originPolicyFromEnv())) return new Response("Forbidden", { status: 403, headers: noStore });
  const actor = await getCurrentUser();
  if (!actor) return new Response(null, { status: 401, headers: noStore });
  if (!can(actor, "exports.run")) return new Response(null, { status: 403, headers: noStore });
  const form = await request.formData().catch(() => new FormData());
  const separator = form.get("separator") === ";" ? ";" : ",";
  const { fileName, stream } = await startFullExport({ actor, db: await getDb(), now: systemClock.now() }, { separator });
  request.signal.addEventListener("abort", () => stream.destroy());
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      ...noStore,
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
