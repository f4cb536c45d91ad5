import { invalid } from "@/lib/errors";

/** The longest document name kept; longer ones are shortened, keeping their extension. */
export const maxNameLength = 200;
const maxExtensionLength = 20;

// C0/C1 controls, and the invisible format characters that can disguise a name (bidi overrides, zero widths).
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters no file system everyone downloads to accepts in a name.
const reserved = /[<>:"|?*]/g;

/**
 * A document's name as stored: no path (only what follows the last `/` or `\`, so `../../etc/passwd` is
 * `passwd`), no control or invisible formatting characters, none of `<>:"|?*`, no leading dots or
 * surrounding spaces, at most 200 characters — a longer name is shortened in its stem and keeps its
 * extension. Nothing left (`..`, spaces, only controls) is refused with `document_name_invalid`.
 */
export function cleanDocumentName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base.replace(unsafe, "").replace(reserved, "_").replace(/\s+/g, " ").trim().replace(/^\.+/, "").trim();
  if (name === "" || /^\.*$/.test(name)) throw invalid("document_name_invalid", { name: "document_name_invalid" });
  const chars = [...name];
  if (chars.length > maxNameLength) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 ? [...name.slice(dot)] : [];
    const keep = ext.length > 1 && ext.length <= maxExtensionLength ? ext : [];
    const stem = [...name.slice(0, keep.length ? dot : name.length)].slice(0, maxNameLength - keep.length);
    name = (stem.join("").trimEnd() + keep.join("")).trim();
  }
  return name;
}

/** A name for `Content-Disposition`: an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Only PDFs and raster images are ever shown inline; everything else (HTML, SVG, text, …) downloads. */
export const inlineSafeTypes: ReadonlySet<string> = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);
