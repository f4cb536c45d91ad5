// A full export of DATABASE_URL written to /dev/null in this process alone, so a benchmark can read its
// peak memory: prints one JSON line { rows, bytes, seconds, peak_rss_mb }.
import { createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openDb } from "@/db/client";
import { streamFullExport } from "@/lib/export/stream-full-export";

const conn = await openDb(process.env.DATABASE_URL);
const started = performance.now();
const { stream, done } = streamFullExport(conn.db, { separator: "," });
let bytes = 0;
const count = new Transform({
  transform(chunk: Buffer, _encoding, callback) {
    bytes += chunk.length;
    callback(null, chunk);
  },
});
await pipeline(stream, count, createWriteStream("/dev/null"));
const { rows } = await done;
await conn.close();
console.log(JSON.stringify({ rows, bytes, seconds: (performance.now() - started) / 1000, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
