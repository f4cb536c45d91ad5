import type { FieldOptions, FieldType } from "@/db/schema";

export type FieldLike = { id: string; name: string; type: FieldType; options: FieldOptions; required: boolean; archivedAt: Date | null };

export type ValueFormat = { locale: string; userName: (id: string) => string; yes: string; no: string };

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}

/** "2026-05-04" (a calendar date, no time zone) in the reader's language. */
export function formatCalendarDate(value: string, locale: string): string {
  const [y, m, d] = value.split("-").map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A custom field's stored value as people read it: labels for choices, names for users, money with its currency. Null when empty. */
export function formatFieldValue(field: { type: FieldType; options: FieldOptions }, value: unknown, f: ValueFormat): string | null {
  if (isEmpty(value)) return null;
  const label = (id: unknown) => field.options.choices?.find((c) => c.id === id)?.label ?? String(id);
  switch (field.type) {
    case "money": {
      const money = value as { amount?: unknown; currency?: unknown };
      const amount = Number(money?.amount);
      if (!Number.isFinite(amount)) return null;
      return formatMoney(amount, String(money.currency ?? field.options.currency ?? "HUF"), f.locale);
    }
    case "number":
      return typeof value === "number" ? new Intl.NumberFormat(f.locale).format(value) : String(value);
    case "date":
      return formatCalendarDate(String(value), f.locale);
    case "select":
      return label(value);
    case "multi_select":
      return (Array.isArray(value) ? value : [value]).map(label).join(", ");
    case "checkbox":
      return value === true ? f.yes : f.no;
    case "user":
      return f.userName(String(value));
    default:
      return String(value);
  }
}
