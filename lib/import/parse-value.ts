import type { FieldOptions, FieldType, FieldValue } from "@/db/schema";
import { normaliseText } from "./guess-mapping";

/** A parsed value, or why it does not fit (a code under imports.reasons). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };

const fail = (code: string): { ok: false; code: string } => ({ ok: false, code });

const currencyWords: [RegExp, string][] = [
  [/\b(ft|huf|forint)\.?$/i, "HUF"],
  [/^(huf)\b/i, "HUF"],
  [/(€|\beur|\beuro)$/i, "EUR"],
  [/^(€|eur\b)/i, "EUR"],
  [/(\$|\busd)$/i, "USD"],
  [/^(\$|usd\b)/i, "USD"],
  [/\b(ron|lei)$/i, "RON"],
  [/\b(gbp|£)$/i, "GBP"],
  [/^£/, "GBP"],
];

/**
 * A number in Hungarian or English writing: `1 050 000,00`, `1.050.000`, `1,050,000.00`, `-12,5`,
 * `(300)`. With both `.` and `,` the last one is the decimal mark; with one of them only, three-digit
 * groups make it the thousands separator, else it is the decimal mark of the locale (`,` in hu, `.` in
 * en). `machine`: a spreadsheet cell's own number (XLSX), read as JavaScript writes it.
 */
export function parseNumber(raw: string, locale: "hu" | "en", machine = false): Parsed<number> {
  let text = raw.trim().replace(/[\u00a0\u202f\u2009\s]/g, " ");
  if (!text) return fail("bad_number");
  if (machine && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return { ok: true, value: Number(text) };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  } else if (text.startsWith("+")) text = text.slice(1).trim();
  if (!/^[\d .,']+$/.test(text)) return fail("bad_number");
  const grouped = (s: string, sep: string) => new RegExp(`^\\d{1,3}(${sep === "." ? "\\." : sep}\\d{3})+$`).test(s);
  let digits = text;
  if (/ /.test(digits)) {
    // Spaces group thousands (Hungarian): every group but the first of three digits.
    const [intPart, ...rest] = digits.split(/[.,](?=\d*$)/);
    if (!/^\d{1,3}( \d{3})+$/.test(intPart.trim())) return fail("bad_number");
    digits = intPart.replace(/ /g, "") + (rest.length ? `.${rest[0]}` : "");
    if (!/^\d+(\.\d+)?$/.test(digits)) return fail("bad_number");
    return num(digits, negative);
  }
  digits = digits.replace(/'/g, "");
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const [intPart, frac] = [digits.slice(0, Math.max(lastDot, lastComma)), digits.slice(Math.max(lastDot, lastComma) + 1)];
    if (!grouped(intPart, thousands) && !/^\d+$/.test(intPart)) return fail("bad_number");
    if (!/^\d+$/.test(frac)) return fail("bad_number");
    return num(`${intPart.split(thousands).join("")}.${frac}`, negative);
  }
  const sep = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (!sep) return /^\d+$/.test(digits) ? num(digits, negative) : fail("bad_number");
  const localeDecimal = locale === "hu" ? "," : ".";
  const count = digits.split(sep).length - 1;
  // 1.050.000 / 1,050,000: groups of three are thousands; one separator the locale's decimal mark may be decimal.
  if (count > 1) return grouped(digits, sep) ? num(digits.split(sep).join(""), negative) : fail("bad_number");
  if (sep === localeDecimal) return /^\d*[.,]\d+$/.test(digits) ? num(digits.replace(",", "."), negative) : fail("bad_number");
  return grouped(digits, sep) ? num(digits.split(sep).join(""), negative) : fail("bad_number");
}

function num(text: string, negative: boolean): Parsed<number> {
  const value = Number(text);
  if (!Number.isFinite(value)) return fail("bad_number");
  return { ok: true, value: negative ? -value : value };
}

/** An amount with an optional currency (`1.050.000 Ft`, `€ 12,50`, `1,050,000.00 USD`); without one, the field's. */
export function parseMoney(raw: string, locale: "hu" | "en", defaultCurrency: string, machine = false): Parsed<{ amount: number; currency: string }> {
  let text = raw.trim();
  let currency = defaultCurrency;
  for (const [pattern, code] of currencyWords) {
    if (pattern.test(text)) {
      currency = code;
      text = text.replace(pattern, "").trim();
      break;
    }
  }
  const iso = /\b([A-Z]{3})$/.exec(text);
  if (iso) {
    currency = iso[1];
    text = text.slice(0, -3).trim();
  }
  const amount = parseNumber(text, locale, machine);
  if (!amount.ok) return fail("bad_money");
  return { ok: true, value: { amount: amount.value, currency } };
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail("bad_date");
  if (y < 2000 || y > 2100) return fail("date_out_of_range");
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included). */
export function excelSerialToIso(serial: number): Parsed<string> {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date: `2026.09.07.`, `2026. 09. 07.`, `2026-09-07`, `2026/09/07` (year first, any locale);
 * `09/07/2026` as month/day in English and day/month in Hungarian; `07.09.2026` day first; an Excel
 * serial (e.g. 46272); a time after the date is ignored. Impossible dates (31 February) are refused.
 */
export function parseDate(raw: string, locale: "hu" | "en"): Parsed<string> {
  const text = raw.trim().replace(/\s*(\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?)$/i, "").replace(/T.*$/, "");
  let m = /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\.?$/.exec(text);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})$/.exec(text);
  if (m) return locale === "en" ? isoDate(+m[3], +m[1], +m[2]) : isoDate(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{4})\.?$/.exec(text);
  if (m) return isoDate(+m[3], +m[2], +m[1]);
  if (/^\d{4,6}(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    if (serial >= 25569 && serial <= 73415) return excelSerialToIso(Math.floor(serial));
  }
  return fail("bad_date");
}

const truthy = new Set(["igen", "i", "yes", "y", "true", "1", "x", "ok", "on", "pipa"]);
const falsy = new Set(["nem", "n", "no", "false", "0", "off", ""]);

export function parseCheckbox(raw: string): Parsed<boolean> {
  const t = normaliseText(raw);
  if (truthy.has(t) || raw.trim() === "✓" || raw.trim() === "✔") return { ok: true, value: true };
  if (falsy.has(t)) return { ok: true, value: false };
  return fail("bad_checkbox");
}

/** A select's choice by its label or id, case- and accent-insensitive. */
export function parseChoice(raw: string, options: FieldOptions): Parsed<string> {
  const t = normaliseText(raw);
  const choice = (options.choices ?? []).find((c) => normaliseText(c.label) === t || c.id === raw.trim());
  return choice ? { ok: true, value: choice.id } : fail("bad_choice");
}

export type UserRef = { id: string; email: string; firstName: string; lastName: string };

/** Users by email and by name (either order), normalised; a name two users share is ambiguous. */
export function userIndex(users: UserRef[]) {
  const byKey = new Map<string, string | "ambiguous">();
  const put = (key: string, id: string) => {
    if (!key) return;
    const seen = byKey.get(key);
    byKey.set(key, seen && seen !== id ? "ambiguous" : id);
  };
  for (const u of users) {
    put(u.email.toLowerCase(), u.id);
    put(normaliseText(`${u.lastName} ${u.firstName}`), u.id);
    put(normaliseText(`${u.firstName} ${u.lastName}`), u.id);
  }
  return (raw: string): Parsed<string> => {
    const t = raw.trim();
    const found = byKey.get(t.toLowerCase()) ?? byKey.get(normaliseText(t));
    if (!found) return fail("unknown_user");
    if (found === "ambiguous") return fail("ambiguous_user");
    return { ok: true, value: found };
  };
}

/**
 * A custom field's value from a cell, before the module's own validation (lib/modules/field-values.ts)
 * checks it as the card form would. Empty cells are "no value".
 */
export function parseFieldValue(
  raw: string,
  field: { type: FieldType; options: FieldOptions },
  { locale, machine, findUser }: { locale: "hu" | "en"; machine: boolean; findUser: (raw: string) => Parsed<string> },
): Parsed<FieldValue> {
  const text = raw.trim();
  if (!text) return { ok: true, value: null };
  switch (field.type) {
    case "number":
      return parseNumber(text, locale, machine);
    case "money":
      return parseMoney(text, locale, field.options.currency ?? "HUF", machine);
    case "date":
      return parseDate(text, locale);
    case "select":
      return parseChoice(text, field.options);
    case "multi_select": {
      const ids: string[] = [];
      for (const part of text.split(/[;,|\n]/).map((s) => s.trim()).filter(Boolean)) {
        const c = parseChoice(part, field.options);
        if (!c.ok) return c;
        ids.push(c.value);
      }
      return { ok: true, value: ids };
    }
    case "checkbox":
      return parseCheckbox(text);
    case "url":
      return { ok: true, value: /^[a-z]+:\/\//i.test(text) ? text : `https://${text}` };
    case "user":
      return findUser(text);
    case "email":
      return { ok: true, value: text.toLowerCase() };
    default:
      return { ok: true, value: text };
  }
}
