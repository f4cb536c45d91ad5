import { describe, expect, it } from "vitest";
import { csvLine, neutraliseCell } from "./neutralise-cell";

describe("csvLine", () => {
  it("quotes cells holding the separator, quotes and line breaks, and ends records with CRLF", () => {
    expect(csvLine(["a", "b;c", 'say "hi"', "two\nlines"], ";")).toBe('a;"b;c";"say ""hi""";"two\nlines"\r\n');
    expect(csvLine(["b;c", "d,e"], ",")).toBe('b;c,"d,e"\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const cell of ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(neutraliseCell("Árvíztűrő tükörfúrógép")).toBe("Árvíztűrő tükörfúrógép");
    expect(csvLine(["=1+1"], ",")).toBe("'=1+1\r\n");
  });
});
