/** "," by default; ";" for Hungarian Excel, which reads "," as the decimal mark. */
export type CsvSeparator = "," | ";";

/** The byte-order mark that makes Excel read a CSV as UTF-8 (else it guesses the system code page). */
export const utf8Bom = "\uFEFF";

/**
 * Formula injection (CSV injection): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
 * (and some read a leading tab or carriage return the same way) as a formula — `=HYPERLINK(…)` in an
 * export can phone home. Such a cell gets a leading apostrophe, which Excel and LibreOffice show as
 * text and do not display. Shared by the import report and the full export.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field, RFC 4180: neutralised, then quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined, separator: string): string {
  const text = neutraliseCell(value === null || value === undefined ? "" : String(value));
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as Excel writes). */
export function csvLine(values: (string | number | null | undefined)[], separator: string): string {
  return values.map((v) => csvField(v, separator)).join(separator) + "\r\n";
}
