import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { guessMapping } from "./guess-mapping";
import { parseChoice, parseDate, parseMoney, parseNumber } from "./parse-value";
import { detectEncoding, detectSeparator, looksLikeMixedEncoding } from "./source";

describe("numbers and money, Hungarian and English", () => {
  it.each([
    ["1 050 000,00", "hu", 1050000],
    ["1 050 000,00", "en", 1050000],
    ["1,050,000.00", "en", 1050000],
    ["1,050,000.00", "hu", 1050000],
    ["1.050.000", "hu", 1050000],
    ["1.050.000", "en", 1050000],
    ["12,5", "hu", 12.5],
    ["12.5", "en", 12.5],
    ["1,050", "en", 1050],
    ["1.050", "hu", 1050],
    ["-3 000", "hu", -3000],
    ["(300)", "en", -300],
    ["1\u00a0050\u00a0000", "hu", 1050000],
  ] as const)("%s (%s) → %d", (raw, locale, value) => {
    expect(parseNumber(raw, locale)).toEqual({ ok: true, value });
  });
  it.each(["abc", "1,2,3", "12 34", "1.2.3", "1 05 000", "--1"])("%s is not a number", (raw) => {
    expect(parseNumber(raw, "hu").ok).toBe(false);
  });
  it("money with its currency, or the field's", () => {
    expect(parseMoney("1.050.000 Ft", "hu", "EUR")).toEqual({ ok: true, value: { amount: 1050000, currency: "HUF" } });
    expect(parseMoney("€ 12,50", "hu", "HUF")).toEqual({ ok: true, value: { amount: 12.5, currency: "EUR" } });
    expect(parseMoney("1,050,000.00 USD", "en", "HUF")).toEqual({ ok: true, value: { amount: 1050000, currency: "USD" } });
    expect(parseMoney("1 050 000,00", "hu", "HUF")).toEqual({ ok: true, value: { amount: 1050000, currency: "HUF" } });
    expect(parseMoney("sok pénz", "hu", "HUF").ok).toBe(false);
  });
  it("an XLSX cell's own number is read as written, whatever the locale", () => {
    expect(parseNumber("1050.125", "hu", true)).toEqual({ ok: true, value: 1050.125 });
  });
});

describe("dates", () => {
  it.each([
    ["2026.09.07.", "hu", "2026-09-07"],
    ["2026. 09. 07.", "hu", "2026-09-07"],
    ["2026-09-07", "en", "2026-09-07"],
    ["09/07/2026", "en", "2026-09-07"],
    ["09/07/2026", "hu", "2026-07-09"],
    ["07.09.2026", "en", "2026-09-07"],
    ["46272", "hu", "2026-09-07"],
    ["2026-09-07 10:30", "hu", "2026-09-07"],
  ] as const)("%s (%s) → %s", (raw, locale, iso) => {
    expect(parseDate(raw, locale)).toEqual({ ok: true, value: iso });
  });
  it.each(["2026.02.31.", "31.02.2026", "holnap", "13/13/2026"])("%s is refused", (raw) => {
    expect(parseDate(raw, "en").ok).toBe(false);
  });
});

describe("selects, mapping, encodings", () => {
  it("select values match case- and accent-insensitively", () => {
    const options = { choices: [{ id: "fair", label: "Kiállítás" }, { id: "web", label: "Web" }] };
    expect(parseChoice("KIALLITAS", options)).toEqual({ ok: true, value: "fair" });
    expect(parseChoice("web", options)).toEqual({ ok: true, value: "web" });
    expect(parseChoice("Telefon", options).ok).toBe(false);
  });
  it("guesses the mapping from Hungarian and English headers, custom fields by name", () => {
    const fields = [{ id: "00000000-0000-0000-0000-000000000001", name: "Költségkeret", archivedAt: null }];
    expect(guessMapping(["Név", "Cég", "E-mail", "Telefon", "Adószám", "Cím", "Státusz", "Felelős", "KÖLTSÉGKERET", "Megjegyzés"], "cards", fields)).toEqual({
      "0": "name",
      "1": "company.name",
      "2": "person.email",
      "3": "person.phone",
      "4": "company.tax_number",
      "5": "company.address",
      "6": "status",
      "7": "owner",
      "8": "field:00000000-0000-0000-0000-000000000001",
    });
    expect(guessMapping(["Name", "Company", "Email", "Phone", "Tax number", "Address", "Status", "Owner"], "cards", [])).toMatchObject({
      "0": "name", "1": "company.name", "2": "person.email", "3": "person.phone", "4": "company.tax_number", "5": "company.address", "6": "status", "7": "owner",
    });
    // A contacts import: the company's own email and phone when no person is there.
    expect(guessMapping(["Cégnév", "E-mail", "Telefonszám"], "contacts", [])).toEqual({ "0": "company.name", "1": "company.email", "2": "company.phone" });
  });
  it("detects encodings and separators", () => {
    const text = "Név;Cég;Összeg\nŐri Árvíztűrő;Tükörfúró Kft.;1 050 000,00\n";
    expect(detectEncoding(iconv.encode(text, "windows-1250"))).toBe("windows-1250");
    expect(detectEncoding(Buffer.from(text))).toBe("UTF-8");
    expect(detectEncoding(iconv.encode("Név;Város\nŚwięty Łukasz;Kraków ąś\nŐri;Győr\n", "iso-8859-2"))).toBe("ISO-8859-2");
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe("UTF-8");
    expect(detectEncoding(iconv.encode(text, "utf-16le", { addBOM: true }))).toBe("UTF-16LE");
    expect(detectEncoding(iconv.encode(text, "utf-16be", { addBOM: true }))).toBe("UTF-16BE");
    expect(detectSeparator(text)).toBe(";");
    expect(detectSeparator("Name,Company,Amount\nA,B,\"1,050,000.00\"\nC,D,5\n")).toBe(",");
    expect(detectSeparator("Name\tCompany\nA\tB\n")).toBe("\t");
    expect(looksLikeMixedEncoding(iconv.decode(Buffer.from("Árvíztűrő"), "windows-1250"), "windows-1250")).toBe(true);
    expect(looksLikeMixedEncoding("Árvíztűrő", "windows-1250")).toBe(false);
  });
});
