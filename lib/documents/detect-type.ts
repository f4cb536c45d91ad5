import { fileTypeFromBuffer } from "file-type";

/**
 * A file's type from its first bytes, never from its name or the browser's claim: what file-type
 * recognises (PDF, images, zip-based office files, …); else text when the head holds no NUL byte
 * outside a UTF-16 byte-order mark's file; else opaque bytes.
 */
export async function detectMimeType(head: Uint8Array): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (head.length === 0) return "application/octet-stream";
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16 || !head.includes(0)) return "text/plain";
  return "application/octet-stream";
}
