import { Readable } from "node:stream";
import * as XLSX from "@e965/xlsx";
import chardet from "chardet";
import { parse, type CsvError } from "csv-parse";
import iconv from "iconv-lite";
import type { Db } from "@/db/client";
import { invalid } from "@/lib/errors";
import { readBlob, readBlobBuffer } from "@/lib/documents/storage";

/**
 * Reading an import's source: a CSV/TSV in any common encoding and separator, an XLSX (or old XLS)
 * workbook, or text pasted from a spreadsheet (tab-separated, UTF-8). Rows come out as string cells
 * with their spreadsheet row number (the header is row 1), streamed for CSV (constant memory).
 */

export type SourceFormat = "csv" | "xlsx" | "paste";
export const importEncodings = ["UTF-8", "UTF-16LE", "UTF-16BE", "windows-1250", "ISO-8859-2", "windows-1252", "ISO-8859-1"] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export const importSeparators = [";", ",", "\t"] as const;

export const maxColumns = 1000;
/** csv-parse's max_record_size: one line (record) over 1 MB is refused, so a broken file cannot eat the memory. */
export const maxRecordBytes = 1024 * 1024;
/** How much of the file detection looks at. */
const headBytes = 256 * 1024;

export type SourceRow = { rowNumber: number; cells: string[] };

export type SourceSettings = { encoding: string; separator: string; sheet?: string };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);
const isCfb = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The first bytes of a blob (for detection), without reading the rest. */
export async function readHead(db: Db, blobId: string, bytes = headBytes): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of readBlob(db, blobId)) {
    parts.push(part);
    size += part.length;
    if (size >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/** CSV or XLSX, by content. A zip that is not a workbook, and binary files, are refused. */
export function sniffFormat(head: Buffer, declared: "file" | "paste"): SourceFormat {
  if (declared === "paste") return "paste";
  if (isZip(head) || isCfb(head)) return "xlsx";
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && looksBinary(head)) throw invalid("import_not_spreadsheet", { file: "import_not_spreadsheet" });
  return "csv";
}

function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  // UTF-16 without a BOM has a NUL in every other byte of Latin text; anything else with NULs is binary.
  if (nul === 0) return false;
  return !isBomlessUtf16(sample);
}

function isBomlessUtf16(sample: Buffer): "UTF-16LE" | "UTF-16BE" | null {
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.7 && evenNul < half * 0.1) return "UTF-16LE";
  if (evenNul > half * 0.7 && oddNul < half * 0.1) return "UTF-16BE";
  return null;
}

function isValidUtf8(bytes: Buffer): boolean {
  // The head may end inside a multi-byte character: leave up to 3 bytes out of the check.
  for (let cut = 0; cut < 4 && cut < bytes.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      /* try one byte shorter */
    }
  }
  return false;
}

/**
 * The encoding of a text file's head: a byte-order mark decides; else valid UTF-8 is UTF-8; else
 * chardet's best single-byte guess — where a Hungarian ő/ű/Ő/Ű byte (0xF5, 0xFB, 0xD5, 0xDB) reads as
 * õ/û in Latin-1, Central European (windows-1250) is chosen, as Hungarian Excel writes it.
 */
export function detectEncoding(head: Buffer): ImportEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "UTF-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "UTF-16LE";
  if (head[0] === 0xfe && head[1] === 0xff) return "UTF-16BE";
  const bomless = isBomlessUtf16(head.subarray(0, 8192));
  if (bomless) return bomless;
  if (isValidUtf8(head)) return "UTF-8";
  const candidates = chardet.analyse(head).map((m) => m.name);
  // Hungarian letters have the same bytes in both Central European encodings; 0x80–0x9F (windows-1250's
  // „ ” – €) are not text in ISO-8859-2, and its own letters Ą ą Ś ś Ź ź sit where windows-1250 has signs.
  const centralEuropean = (): ImportEncoding => {
    const windowsOnly = head.some((b) => b >= 0x80 && b <= 0x9f);
    const isoLetters = head.some((b) => b === 0xa1 || b === 0xa6 || b === 0xac || b === 0xb1 || b === 0xb6);
    return !windowsOnly && isoLetters ? "ISO-8859-2" : "windows-1250";
  };
  const hungarian = head.some((b) => b === 0xf5 || b === 0xfb || b === 0xd5 || b === 0xdb);
  const latin = candidates.find((name) => ["windows-1250", "ISO-8859-2", "windows-1252", "ISO-8859-1"].includes(name));
  if ((latin === "windows-1252" || latin === "ISO-8859-1") && !hungarian) return latin;
  return centralEuropean();
}

/** The separator that splits the first lines into the same number of cells most consistently: `;`, `,` or tab. */
export function detectSeparator(text: string): string {
  const lines = splitHeadLines(text).slice(0, 30);
  let best = { separator: ",", score: -1, width: 0 };
  for (const separator of [";", "\t", ","]) {
    const counts = lines.map((line) => countOutsideQuotes(line, separator));
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [width, agree] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = agree * 1000 + width;
    if (score > best.score) best = { separator, score, width };
  }
  return best.width > 0 ? best.separator : lines.length && lines[0].includes("\t") ? "\t" : best.separator;
}

function splitHeadLines(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === "\n" || ch === "\r") && !quoted) {
      if (current.trim()) lines.push(current);
      current = "";
      if (lines.length >= 30) break;
      continue;
    }
    current += ch;
  }
  if (current.trim() && lines.length < 30) lines.push(current);
  // A last line cut by the head's end is left out when there are others.
  return lines.length > 1 ? lines.slice(0, -1).concat(text.endsWith("\n") ? lines.slice(-1) : []) : lines;
}

function countOutsideQuotes(line: string, separator: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) n++;
  }
  return n;
}

export function decodeHead(head: Buffer, encoding: string): string {
  return iconv.decode(head, encoding);
}

/** The sheets of a workbook (names only; fast). */
export function workbookSheets(buffer: Buffer): string[] {
  const wb = readWorkbook(buffer, { bookSheets: true });
  return wb.SheetNames;
}

function readWorkbook(buffer: Buffer, options: XLSX.ParsingOptions): XLSX.WorkBook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buffer, { type: "buffer", cellFormula: false, cellHTML: false, cellDates: false, cellStyles: false, ...options });
  } catch {
    throw invalid("import_not_spreadsheet", { file: "import_not_spreadsheet" });
  }
  if (!wb.SheetNames?.length) throw invalid("import_not_spreadsheet", { file: "import_not_spreadsheet" });
  return wb;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

/**
 * A sheet's rows as text: a formula's cached value (never its text), a merged range's value in each of
 * its cells, a date as its Excel serial number (the date parser reads serials).
 */
function sheetRows(buffer: Buffer, sheet: string | undefined, limitRows?: number): { sheet: string; rows: string[][] } {
  const names = workbookSheets(buffer);
  const name = sheet && names.includes(sheet) ? sheet : names[0];
  const wb = readWorkbook(buffer, { sheets: name, ...(limitRows ? { sheetRows: limitRows } : {}) });
  const ws = wb.Sheets[name];
  if (!ws) return { sheet: name, rows: [] };
  const range = ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]) : null;
  if (range && range.e.c - range.s.c + 1 > maxColumns) throw invalid("import_too_many_columns", { file: "import_too_many_columns" });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: "", blankrows: true }).map((r) => r.map(cellText));
  const origin = range ? { r: range.s.r, c: range.s.c } : { r: 0, c: 0 };
  for (const m of ws["!merges"] ?? []) {
    const top = rows[m.s.r - origin.r]?.[m.s.c - origin.c] ?? "";
    for (let r = m.s.r; r <= m.e.r; r++) {
      const row = rows[r - origin.r];
      if (!row) continue;
      for (let c = m.s.c; c <= m.e.c; c++) row[c - origin.c] = top;
    }
  }
  return { sheet: name, rows };
}

/** Maps csv-parse's refusals to our reasons; anything else is rethrown. */
function csvFailure(error: unknown): never {
  const code = (error as CsvError | undefined)?.code;
  if (code === "CSV_MAX_RECORD_SIZE") throw invalid("import_line_too_long", { file: "import_line_too_long" });
  if (code === "CSV_QUOTE_NOT_CLOSED") throw invalid("import_unclosed_quote", { file: "import_unclosed_quote" });
  if (typeof code === "string" && code.startsWith("CSV_")) throw invalid("import_not_spreadsheet", { file: "import_not_spreadsheet" });
  throw error;
}

/**
 * Every row of the source, the header (row 1) first, as string cells. Fully empty rows are left out
 * (their numbers are kept, so later rows keep the numbers the spreadsheet shows).
 */
export async function* readSourceRows(db: Db, blobId: string, format: SourceFormat, settings: SourceSettings, options: { limitRows?: number } = {}): AsyncGenerator<SourceRow> {
  if (format === "xlsx") {
    const { rows } = sheetRows(await readBlobBuffer(db, blobId), settings.sheet, options.limitRows);
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].every((c) => c.trim() === "")) continue;
      yield { rowNumber: i + 1, cells: rows[i] };
      if (options.limitRows && ++n >= options.limitRows) return;
    }
    return;
  }
  const encoding = format === "paste" ? "UTF-8" : settings.encoding;
  const separator = format === "paste" ? "\t" : settings.separator;
  if (!iconv.encodingExists(encoding)) throw invalid("import_bad_encoding", { encoding: "import_bad_encoding" });
  const parser = Readable.from(inSlices(readBlob(db, blobId)))
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ delimiter: separator, relax_column_count: true, relax_quotes: true, max_record_size: maxRecordBytes, bom: true, skip_empty_lines: false }));
  let record = 0;
  let n = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      record++;
      if (cells.every((c) => c.trim() === "")) continue;
      yield { rowNumber: record, cells };
      if (options.limitRows && ++n >= options.limitRows) break;
    }
  } catch (error) {
    csvFailure(error);
  } finally {
    parser.destroy();
  }
}

/**
 * A blob's chunks (256 KB) in 16 KB slices, with a turn of the event loop after each: the parser takes
 * one slice at a time (a few ms) instead of a whole chunk (~100 ms), and the server answers in between.
 */
async function* inSlices(chunks: AsyncIterable<Buffer>, size = 16 * 1024): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += size) {
      yield chunk.subarray(i, i + size);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Whether a cell decoded from a single-byte encoding holds UTF-8 bytes (a file saved in two encodings). */
export function looksLikeMixedEncoding(cell: string, encoding: string): boolean {
  if (!/^(windows-125\d|ISO-8859-\d+)$/i.test(encoding) || !/[\u0080-\uFFFF]/.test(cell)) return false;
  const bytes = iconv.encode(cell, encoding);
  for (let i = 0; i + 1 < bytes.length; i++) {
    // Hungarian and other Latin letters in UTF-8: a lead byte 0xC3–0xC5 and a continuation byte.
    if (bytes[i] >= 0xc3 && bytes[i] <= 0xc5 && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xbf) return true;
  }
  return false;
}

/** What detection and a full pass found: shown in the wizard, and the row count for the progress bar. */
export type SourceAnalysis = {
  format: SourceFormat;
  detected: { encoding: string; separator: string; sheets: string[] };
  header: string[];
  preview: string[][];
  totalRows: number;
};

/** Detects a source's encoding, separator and sheets from its head. */
export async function detectSource(db: Db, blobId: string, format: SourceFormat): Promise<SourceAnalysis["detected"]> {
  if (format === "xlsx") return { encoding: "", separator: "", sheets: workbookSheets(await readBlobBuffer(db, blobId)) };
  if (format === "paste") return { encoding: "UTF-8", separator: "\t", sheets: [] };
  const head = await readHead(db, blobId);
  const encoding = detectEncoding(head);
  return { encoding, separator: detectSeparator(decodeHead(head, encoding)), sheets: [] };
}

/**
 * Header, preview and (with `count`) the number of data rows — the count reads the whole source, so
 * a line over 1 MB, an unclosed quote or more than 1,000 columns is refused here, before any run.
 */
export async function analyseSource(db: Db, blobId: string, format: SourceFormat, settings: SourceSettings, detected: SourceAnalysis["detected"], { count }: { count: boolean }): Promise<SourceAnalysis> {
  let header: string[] | null = null;
  const preview: string[][] = [];
  let totalRows = 0;
  for await (const row of readSourceRows(db, blobId, format, settings, count ? {} : { limitRows: 21 })) {
    if (!header) {
      if (row.cells.length > maxColumns) throw invalid("import_too_many_columns", { file: "import_too_many_columns" });
      header = row.cells.map((c) => c.trim());
      continue;
    }
    totalRows++;
    if (preview.length < 20) preview.push(row.cells.slice(0, header.length + 5));
  }
  if (!header) throw invalid("import_no_rows", { file: "import_no_rows" });
  return { format, detected, header, preview, totalRows };
}
