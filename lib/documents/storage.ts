import { createHash } from "node:crypto";
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { blobChunks, blobs } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { detectMimeType } from "./detect-type";

/**
 * Where files' bytes live: in the database, in chunks, so every instance shares them and every backup
 * holds them, on PGlite and PostgreSQL alike. This module is the whole storage interface — write a
 * stream, read one back — so an S3-compatible store would be one more implementation of these two
 * functions (README "Documents").
 */
export const chunkBytes = 256 * 1024;
/** How many chunks one read fetches: 2 MB in memory at most per reader. */
const chunksPerRead = 8;

export type StoredBlob = { id: string; size: number; mimeType: string; sha256: string };

/** `UPLOAD_MAX_MB` (default 25): the largest document or import file accepted. */
export function uploadMaxBytes(): number {
  const configured = Number(process.env.UPLOAD_MAX_MB);
  return (Number.isFinite(configured) && configured > 0 ? configured : 25) * 1024 * 1024;
}

/**
 * Stores a stream as a new blob inside the caller's transaction, chunk by chunk as it arrives (memory:
 * one chunk). Over `maxBytes` it stops reading and throws `file_too_large`, and an empty stream throws
 * `file_empty` — the transaction rolls back, nothing is kept. The type is detected from the first chunk.
 */
export async function putBlob(tx: Db, source: AsyncIterable<Uint8Array>, { maxBytes = uploadMaxBytes(), now }: { maxBytes?: number; now: Date }): Promise<StoredBlob> {
  const hash = createHash("sha256");
  const [blob] = await tx.insert(blobs).values({ size: 0, mimeType: "application/octet-stream", sha256: "", createdAt: now }).returning({ id: blobs.id });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  let mimeType: string | null = null;

  const flush = async (final: boolean) => {
    while (pendingBytes >= chunkBytes || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      const chunk = all.subarray(0, chunkBytes);
      pending = chunk.length < all.length ? [all.subarray(chunkBytes)] : [];
      pendingBytes = all.length - chunk.length;
      mimeType ??= await detectMimeType(chunk);
      await tx.insert(blobChunks).values({ blobId: blob.id, seq: seq++, data: Buffer.from(chunk) });
    }
  };

  for await (const part of source) {
    size += part.length;
    if (size > maxBytes) throw invalid("file_too_large", { file: "file_too_large" });
    hash.update(part);
    pending.push(Buffer.from(part));
    pendingBytes += part.length;
    await flush(false);
  }
  await flush(true);
  if (size === 0) throw invalid("file_empty", { file: "file_empty" });

  const stored = { id: blob.id, size, mimeType: mimeType ?? "application/octet-stream", sha256: hash.digest("hex") };
  await tx.update(blobs).set({ size: stored.size, mimeType: stored.mimeType, sha256: stored.sha256 }).where(eq(blobs.id, blob.id));
  return stored;
}

/** A blob's bytes as a stream of chunks, a few chunks per query (constant memory, however large). */
export async function* readBlob(db: Db, blobId: string): AsyncGenerator<Buffer> {
  for (let from = 0; ; from += chunksPerRead) {
    const rows = await db
      .select({ data: blobChunks.data })
      .from(blobChunks)
      .where(and(eq(blobChunks.blobId, blobId), gte(blobChunks.seq, from)))
      .orderBy(asc(blobChunks.seq))
      .limit(chunksPerRead);
    for (const row of rows) yield row.data;
    if (rows.length < chunksPerRead) return;
  }
}

/** A whole (small) blob in memory: the head of an import source, a test's check. */
export async function readBlobBuffer(db: Db, blobId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readBlob(db, blobId)) parts.push(part);
  return Buffer.concat(parts);
}
