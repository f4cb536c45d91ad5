import { formatCalendarDate, formatMoney } from "@/components/card-page/format-value";
import { operandKind, type BuilderContact, type BuilderModule, type BuilderUser, type DraftCondition, type DraftNode } from "./model";

type T = (key: string, values?: Record<string, string | number>) => string;
type Lookups = { module: BuilderModule; users: BuilderUser[]; companies: BuilderContact[]; locale: string };

/** The filter in words, as the builder shows it under the conditions ("Cards where status is any of Won and (…)"). */
export function describeFilter(root: DraftNode, t: T, lookups: Lookups): string {
  if (root.on === "group" && root.conditions.length === 0) return t("summary.all");
  return t("summary.prefix", { filter: describe(root, t, lookups, true) });
}

function describe(node: DraftNode, t: T, l: Lookups, top = false): string {
  if (node.on !== "group") return describeCondition(node, t, l);
  const parts = node.conditions.filter((c) => c.on !== "group" || c.conditions.length > 0).map((c) => describe(c, t, l));
  const joined = parts.join(` ${t(`summary.${node.join}`)} `);
  return top || parts.length < 2 ? joined : `(${joined})`;
}

function describeCondition(c: DraftCondition, t: T, l: Lookups): string {
  const field = c.on === "field" ? l.module.fields.find((f) => f.id === c.fieldId) : undefined;
  const kind = operandKind(c.on, c.op);
  // The todo operators and "has a person with an email" read on their own ("Todos has an overdue todo" says it twice).
  const subject =
    c.on === "todo" || c.op === "person_has_email"
      ? ""
      : c.on === "field"
        ? (field?.name ?? "?")
        : t(`subjects.${c.on === "date" ? c.column : c.on === "contact" ? "company" : c.on}`);
  const label = t(`ops.${c.on}.${c.op}`);
  if (kind === "days") return [subject, label.replace("…", /^\d+$/.test(c.days.trim()) ? String(Number(c.days)) : t("summary.missing"))].filter(Boolean).join(" ");
  const operand = describeOperand(c, t, l, field?.type === "money" ? (field.options.currency ?? "HUF") : null);
  const listed = kind === "statuses" || kind === "users" || kind === "choices" || kind === "companies";
  return [subject, listed ? `${label}:` : label, operand].filter(Boolean).join(" ");
}

function describeOperand(c: DraftCondition, t: T, l: Lookups, currency: string | null): string {
  const missing = t("summary.missing");
  const names = (list: { id: string; name?: string; label?: string }[]) =>
    c.ids.length === 0 ? missing : c.ids.map((id) => { const o = list.find((x) => x.id === id); return o?.name ?? o?.label ?? "?"; }).join(", ");
  const num = (v: string) => {
    const n = Number(v.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
    if (v.trim() === "" || !Number.isFinite(n)) return missing;
    return currency ? formatMoney(n, currency, l.locale) : new Intl.NumberFormat(l.locale).format(n);
  };
  const date = (v: string) => (v ? formatCalendarDate(v, l.locale) : missing);
  switch (operandKind(c.on, c.op)) {
    case "statuses":
      return names(l.module.statuses);
    case "users":
      return names(l.users);
    case "choices":
      return names(l.module.fields.find((f) => f.id === c.fieldId)?.options.choices ?? []);
    case "companies":
      return names(l.companies);
    case "text":
      return c.text.trim() ? t("summary.quote", { text: c.text.trim() }) : missing;
    case "number":
      return num(c.number);
    case "range":
      return t("summary.range", { min: num(c.min), max: num(c.max) });
    case "date":
      return date(c.date);
    case "dateRange":
      return t("summary.range", { min: date(c.from), max: date(c.to) });
    default:
      return "";
  }
}
