import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { dataExports } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { forbidden } from "@/lib/errors";
import { streamFullExport } from "./stream-full-export";

export const fullExportSchema = z.object({ separator: z.enum([",", ";"]).default(",") });

/**
 * An admin's full export: recorded (who, when) before the first byte, then streamed; the record says how
 * many rows and bytes went out, and whether the download finished or was cut off.
 */
export async function startFullExport(
  { actor, db, now }: Ctx,
  raw: z.input<typeof fullExportSchema>,
  clock: Clock = systemClock,
): Promise<{ exportId: string; fileName: string; stream: Readable }> {
  if (!can(actor, "exports.run")) throw forbidden();
  const { separator } = fullExportSchema.parse(raw);
  const [record] = await db.insert(dataExports).values({ actorId: actor.id, separator, startedAt: now }).returning({ id: dataExports.id });

  const abort = new AbortController();
  const zip = streamFullExport(db, { separator, signal: abort.signal });
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const finish = (state: "done" | "failed", rows: number) =>
    db.update(dataExports).set({ state, rows, bytes, finishedAt: clock.now() }).where(eq(dataExports.id, record.id));

  const delivered = pipeline(zip.stream, counted).catch((error: unknown) => {
    abort.abort();
    throw error;
  });
  counted.once("close", () => {
    if (!counted.writableFinished || !counted.readableEnded) abort.abort(); // the reader went away
  });
  Promise.all([zip.done, delivered]).then(
    ([progress]) => finish("done", progress.rows),
    () => finish("failed", 0),
  ).catch((error: unknown) => console.error("export record", error));

  const day = now.toISOString().slice(0, 10);
  return { exportId: record.id, fileName: `crm-export-${day}.zip`, stream: counted };
}
