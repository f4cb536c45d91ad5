import type { ImportTarget } from "@/db/schema";
import type { ImportTargetOption } from "./types";

/** Lower case, no accents, punctuation as single spaces: "E-mail cím" → "e mail cim", "Adószám" → "adoszam". */
export function normaliseText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type FieldRef = { id: string; name: string; archivedAt?: Date | null };

/** Header words (normalised) per target, Hungarian and English. */
const synonyms: Record<string, string[]> = {
  name: ["nev", "name", "adatlap", "adatlap neve", "adatlap nev", "card", "card name", "deal", "deal name", "projekt", "project", "megnevezes", "title", "targy"],
  status: ["statusz", "status", "allapot", "stage", "fazis", "phase"],
  owner: ["felelos", "owner", "tulajdonos", "assigned to", "assignee", "ertekesito", "salesperson", "sales rep", "user", "felhasznalo"],
  "company.name": ["ceg", "cegnev", "ceg neve", "ceg nev", "company", "company name", "organisation", "organization", "vallalat", "vallalkozas", "cegnev megnevezes"],
  "company.email": ["ceg email", "ceg e mail", "ceg e mail cim", "company email", "company e mail"],
  "company.phone": ["ceg telefon", "ceg telefonszam", "company phone", "company telephone"],
  "company.tax_number": ["adoszam", "ado szam", "tax number", "tax no", "tax id", "vat", "vat number", "vat id", "ceg adoszam"],
  "company.address": ["cim", "address", "szekhely", "ceg cim", "ceg cime", "company address", "postal address", "postacim"],
  "person.name": ["kapcsolattarto", "kapcsolattarto neve", "kapcsolattarto nev", "contact", "contact name", "contact person", "szemely", "person", "person name", "ugyfel", "ugyfel neve"],
  "person.first_name": ["keresztnev", "utonev", "first name", "firstname", "given name"],
  "person.last_name": ["vezeteknev", "csaladnev", "last name", "lastname", "surname", "family name"],
  "person.email": ["email", "e mail", "email cim", "e mail cim", "mail", "kapcsolattarto email", "kapcsolattarto e mail", "contact email", "person email"],
  "person.phone": ["telefon", "telefonszam", "phone", "phone number", "telephone", "mobil", "mobile", "mobilszam", "tel", "kapcsolattarto telefon", "contact phone"],
};

const cardTargets = ["name", "status", "owner"];
const contactTargets = Object.keys(synonyms).filter((k) => k.includes("."));

/** Every target a column can fill, for the mapping's selects (labels are message keys under imports.targets). */
export function targetOptions(target: ImportTarget, moduleFields: FieldRef[]): ImportTargetOption[] {
  const group = (key: string): ImportTargetOption["group"] => (key.startsWith("company.") ? "company" : key.startsWith("person.") ? "person" : "card");
  const builtIn = (target === "cards" ? [...cardTargets, ...contactTargets] : contactTargets).map((key) => ({ key, label: key, group: group(key) }));
  const custom = target === "cards" ? moduleFields.filter((f) => !f.archivedAt).map((f) => ({ key: `field:${f.id}`, label: f.name, group: "field" as const })) : [];
  return [...builtIn, ...custom];
}

/**
 * Guesses what each column fills from its header: a custom field by its name first (the module's own
 * words), then the Hungarian and English synonyms above — accent- and case-insensitive. Each target
 * goes to the first column that asks for it; the rest are not imported.
 */
export function guessMapping(headers: string[], target: ImportTarget, moduleFields: FieldRef[]): Record<string, string> {
  const allowed = new Set(targetOptions(target, moduleFields).map((o) => o.key));
  const fieldByName = new Map(moduleFields.filter((f) => !f.archivedAt).map((f) => [normaliseText(f.name), `field:${f.id}`]));
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};
  const guessFor = (header: string): string | null => {
    const h = normaliseText(header);
    if (!h) return null;
    const field = fieldByName.get(h);
    if (field) return field;
    for (const [key, words] of Object.entries(synonyms)) if (words.includes(h)) return key;
    return null;
  };
  headers.forEach((header, index) => {
    let key = guessFor(header);
    // A contacts import has no card name: its "Név" is the person's (or, with no person columns, the company's).
    if (key === "name" && target === "contacts") key = "person.name";
    if (key && allowed.has(key) && !taken.has(key)) {
      taken.add(key);
      mapping[String(index)] = key;
    }
  });
  // "E-mail"/"Telefon" beside a company but no person: they are the company's.
  const hasPerson = Object.values(mapping).some((k) => k === "person.name" || k === "person.first_name" || k === "person.last_name");
  const hasCompany = Object.values(mapping).includes("company.name");
  if (!hasPerson && hasCompany && target === "contacts") {
    for (const [col, key] of Object.entries(mapping)) {
      if (key === "person.email" && !taken.has("company.email")) mapping[col] = "company.email";
      if (key === "person.phone" && !taken.has("company.phone")) mapping[col] = "company.phone";
    }
  }
  return mapping;
}
