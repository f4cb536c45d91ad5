import type { FieldType } from "@/db/schema";
import { invalid } from "@/lib/errors";

/**
 * Template variables (SPEC §7): `{{group.name}}` in a template's subject or body, replaced per card
 * and recipient when the email is rendered. The groups follow the seed's list: the card's fields,
 * the contact person, the company, the sender, the recipient and dates.
 *
 *   card.name card.status card.owner card.field.<fieldId>
 *   person.firstName person.lastName person.fullName person.email person.phone
 *   company.name company.taxNumber company.address company.website
 *   sender.name sender.email sender.signature
 *   recipient.name recipient.email
 *   date.today date.today+<days>        (1 … 3650 days, in the organisation's time zone)
 */
export const variableGroups = ["card", "person", "company", "sender", "recipient", "date"] as const;
export type VariableGroup = (typeof variableGroups)[number];

const fixedVariables: Record<VariableGroup, readonly string[]> = {
  card: ["card.name", "card.status", "card.owner"],
  person: ["person.firstName", "person.lastName", "person.fullName", "person.email", "person.phone"],
  company: ["company.name", "company.taxNumber", "company.address", "company.website"],
  sender: ["sender.name", "sender.email", "sender.signature"],
  recipient: ["recipient.name", "recipient.email"],
  date: ["date.today"],
};

/**
 * Variables whose value is HTML already. None: every value, the signature too (plain text with line
 * breaks, lib/profile/update-profile.ts), is text and escaped when substituted into HTML.
 */
export const htmlVariables = new Set<string>();

export const maxDateOffsetDays = 3650;
const datePlusPattern = /^date\.today\+(\d{1,4})$/;
const fieldPattern = /^card\.field\.([0-9a-f-]{36})$/;
/** Anything between double braces; what is inside is checked against the catalogue. */
const variablePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type VariableField = { id: string; name: string; type: FieldType; archivedAt?: Date | null };

export type VariableChoice = { key: string; group: VariableGroup; /** The field's name, for card.field.*; else the key (translated under templates.variables). */ label: string };

/** What the picker offers for a module: the fixed variables, the module's live fields, and "today + 7 days". */
export function variableCatalogue(fields: VariableField[]): VariableChoice[] {
  const choices: VariableChoice[] = [];
  for (const group of variableGroups) {
    for (const key of fixedVariables[group]) choices.push({ key, group, label: key });
    if (group === "card") for (const f of fields) if (!f.archivedAt) choices.push({ key: `card.field.${f.id}`, group, label: f.name });
    if (group === "date") choices.push({ key: "date.today+7", group, label: "date.today+N" });
  }
  return choices;
}

/** Is `key` a variable of a module with these fields? Archived fields still render (their value stays on the card). */
export function isKnownVariable(key: string, fields: VariableField[]): boolean {
  const field = fieldPattern.exec(key);
  if (field) return fields.some((f) => f.id === field[1]);
  const plus = datePlusPattern.exec(key);
  if (plus) return Number(plus[1]) >= 1 && Number(plus[1]) <= maxDateOffsetDays;
  return variableGroups.some((g) => fixedVariables[g].includes(key));
}

/** The variables a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(variablePattern)].map((m) => m[1]))];
}

/**
 * Refuses a subject or body that a renderer could not fill: an unclosed `{{`, a stray `}}`, or a
 * variable this module does not have (another module's field, a typo) — naming it, so the writer
 * can find it.
 */
export function assertTemplateVariables(text: string, fields: VariableField[], where: "subject" | "bodyHtml"): void {
  const withoutVariables = text.replace(variablePattern, "");
  const unclosed = withoutVariables.indexOf("{{");
  if (unclosed >= 0) throw invalidVariable("template_variable_unclosed", where, withoutVariables.slice(unclosed, unclosed + 40));
  if (withoutVariables.includes("}}")) throw invalidVariable("template_variable_unclosed", where, "}}");
  for (const key of variablesIn(text)) if (!isKnownVariable(key, fields)) throw invalidVariable("template_variable_unknown", where, key);
}

function invalidVariable(code: string, where: string, variable: string) {
  const error = invalid(code, { [where]: code });
  return Object.assign(error, { details: { variable } });
}

/** One card's and recipient's values, by variable key; a missing key or "" is an empty variable. */
export type VariableValues = Record<string, string>;

/** The variables of these texts that would render empty for these values (flagged before sending). */
export function emptyVariables(texts: string[], values: VariableValues): string[] {
  const used = [...new Set(texts.flatMap(variablesIn))];
  return used.filter((key) => !resolve(key, values));
}

function resolve(key: string, values: VariableValues): string {
  return values[key] ?? "";
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => htmlEscapes[c]);

/** Plain text (a signature, a value) as HTML: escaped, line breaks as `<br>`. */
export const textToHtml = (s: string) => escapeHtml(s).replace(/\r?\n/g, "<br>");

/**
 * Fills a template. In HTML, values are escaped (a field holding `<script>` arrives as text) and
 * line breaks become `<br>` (`htmlVariables` would go in as they are; there are none).
 * In a subject (plain text), line breaks become spaces, so a value cannot add a header line.
 */
export function substitute(text: string, values: VariableValues, mode: "html" | "text"): string {
  return text.replace(variablePattern, (_, key: string) => {
    const value = resolve(key, values);
    if (mode === "text") return value.replace(/[\r\n]+/g, " ");
    if (htmlVariables.has(key)) return value;
    return textToHtml(value);
  });
}
