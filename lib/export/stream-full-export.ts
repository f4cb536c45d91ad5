import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { and, asc, gt, isNull } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { Db } from "@/db/client";
import { documentFolders, documents, modules } from "@/db/schema";
import { csvLine, utf8Bom, type CsvSeparator } from "@/lib/csv/neutralise-cell";
import { readBlob } from "@/lib/documents/storage";
import { exportColumns, exportTables } from "./export-tables";
import { exportPageRows, keysetRows } from "./keyset-rows";
import { moduleCardSheet } from "./module-card-rows";

/** A cell as CSV text: dates in ISO 8601 (UTC), objects and arrays as JSON, nothing for null. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A path segment of the zip: no separators or control characters, never empty. */
const segment = (name: string) => name.replace(/[\\/\p{Cc}]/gu, "_").replace(/^\.+$/, "_").trim() || "_";

/** One table: its header, and its rows as CSV cells and as a JSON record. */
type Sheet = { name: string; header: string[]; pages: AsyncIterable<{ cells: string[]; record: Record<string, unknown> }[]> };

export type ExportProgress = { rows: number };

/**
 * The full export as a zip stream (SPEC §10): per module a CSV of its cards with their fields as columns,
 * a CSV of every other table (lib/export/export-tables.ts), the same again as JSON (one array per file),
 * and every live document's bytes under documents/<module>/<folder>/. Entries are produced one after another
 * as the reader takes them (yazl pulls the next only when the previous is written), each from keyset pages,
 * so memory stays flat however many rows there are. `signal` stops it early (the download was cut off).
 */
export function streamFullExport(db: Db, { separator, signal }: { separator: CsvSeparator; signal?: AbortSignal }): { stream: Readable; done: Promise<ExportProgress> } {
  const zip = new ZipFile();
  const progress: ExportProgress = { rows: 0 };
  const stopped = () => signal?.aborted === true;

  async function* csvOf(sheet: Sheet) {
    yield utf8Bom + csvLine(sheet.header, separator);
    for await (const page of sheet.pages) {
      if (stopped()) return;
      progress.rows += page.length;
      yield page.map((row) => csvLine(row.cells, separator)).join("");
    }
  }

  async function* jsonOf(sheet: Sheet) {
    yield "[";
    let first = true;
    for await (const page of sheet.pages) {
      if (stopped()) break;
      yield `${first ? "\n" : ",\n"}${page.map((row) => JSON.stringify(row.record)).join(",\n")}`;
      first = false;
    }
    yield "\n]\n";
  }

  /** A table as csv/<path>.csv and json/<path>.json: each entry reads the table afresh when its turn comes (pages are not kept). */
  const addSheet = (path: string, open: () => Promise<Sheet>) => {
    const entry = (write: (sheet: Sheet) => AsyncIterable<string>) => (cb: (error: unknown, stream: NodeJS.ReadableStream) => void) =>
      void open().then(
        (sheet) => cb(null, Readable.from(write(sheet))),
        (error) => cb(error, Readable.from([])),
      );
    zip.addReadStreamLazy(`csv/${path}.csv`, entry(csvOf));
    zip.addReadStreamLazy(`json/${path}.json`, entry(jsonOf));
  };

  const done = (async () => {
    for (const table of exportTables) {
      const columns = exportColumns(table);
      const sheet = async (): Promise<Sheet> => ({
        name: table.name,
        header: columns.map((c) => c.header),
        pages: (async function* () {
          for await (const page of keysetRows(db, table.table, { key: table.key, omit: table.omit })) {
            yield page.map((row) => ({ cells: columns.map((c) => cellText(row[c.key])), record: Object.fromEntries(columns.map((c) => [c.header, row[c.key] ?? null])) }));
          }
        })(),
      });
      addSheet(table.name, sheet);
    }

    const allModules = await db.select({ id: modules.id, name: modules.name }).from(modules).orderBy(asc(modules.position), asc(modules.id));
    const moduleFolder = new Map(allModules.map((m, i) => [m.id, `${String(i + 1).padStart(2, "0")} ${segment(m.name)}`]));
    for (const mod of allModules) {
      const sheet = async (): Promise<Sheet> => {
        const cards = await moduleCardSheet(db, mod.id);
        return { name: moduleFolder.get(mod.id)!, header: cards.header, pages: cards.pages };
      };
      addSheet(`cards/${moduleFolder.get(mod.id)!}`, sheet);
    }

    // Documents: their entries are added page by page (a name each, so the list never sits in memory whole).
    const folders = new Map((await db.select({ id: documentFolders.id, name: documentFolders.name, parentId: documentFolders.parentId }).from(documentFolders)).map((f) => [f.id, f]));
    const folderPath = (id: string | null): string[] => {
      const folder = id ? folders.get(id) : undefined;
      return folder ? [...folderPath(folder.parentId), segment(folder.name)] : [];
    };
    const taken = new Set<string>();
    const uniquePath = (path: string) => {
      if (!taken.has(path)) return taken.add(path), path;
      const dot = path.lastIndexOf(".");
      const [stem, ext] = dot > path.lastIndexOf("/") + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ""];
      for (let n = 2; ; n++) if (!taken.has(`${stem} (${n})${ext}`)) return taken.add(`${stem} (${n})${ext}`), `${stem} (${n})${ext}`;
    };
    let after: string | null = null;
    while (!stopped()) {
      const page: { id: string; name: string; moduleId: string; folderId: string | null; blobId: string }[] = await db
        .select({ id: documents.id, name: documents.name, moduleId: documents.moduleId, folderId: documents.folderId, blobId: documents.blobId })
        .from(documents)
        .where(after ? and(isNull(documents.deletedAt), gt(documents.id, after)) : isNull(documents.deletedAt))
        .orderBy(asc(documents.id))
        .limit(exportPageRows);
      for (const doc of page) {
        const path = uniquePath(["documents", moduleFolder.get(doc.moduleId) ?? "_", ...folderPath(doc.folderId), segment(doc.name)].join("/"));
        zip.addReadStreamLazy(path, { compress: false }, (cb) => cb(null, Readable.from(readBlob(db, doc.blobId))));
      }
      if (page.length < exportPageRows) break;
      after = page[page.length - 1].id;
    }
    const failed = new Promise<never>((_, reject) => zip.once("error", reject));
    zip.end();
    await Promise.race([finished(zip.outputStream), failed]);
    return progress;
  })();

  return { stream: zip.outputStream as Readable, done };
}
