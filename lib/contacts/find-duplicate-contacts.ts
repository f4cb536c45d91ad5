import { and, arrayOverlaps, asc, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, type ContactKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { contactIdSchema, optionalKindSchema } from "./schemas";
import { visibleContactsCondition } from "./scope";

/** Emails as a form sends them (a list, or one text with commas/semicolons/new lines), lower-cased; anything is accepted, nonsense just matches nothing. */
const emailListSchema = z
  .union([z.array(z.string()), z.string()], "invalid_input")
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,;\n]/)))
  .transform((v) => [...new Set(v.map((s) => s.trim().toLowerCase()).filter(Boolean))].slice(0, 20));

export const findDuplicateContactsSchema = z.object({
  emails: emailListSchema,
  taxNumber: z.string("invalid_input").trim().max(50, "too_long").optional().default(""),
  /** Tax numbers are compared within this kind (a person's tax id is not a company's); emails across both kinds. */
  kind: optionalKindSchema,
  /** The contact being edited, which is not its own duplicate. */
  excludeId: contactIdSchema.optional(),
});
export type FindDuplicateContactsInput = z.input<typeof findDuplicateContactsSchema>;
type DuplicateQuery = z.output<typeof findDuplicateContactsSchema>;

export type DuplicateMatch = "email" | "tax_number";

/** An existing contact the user may see: shown with its name and an Open link. */
export type VisibleDuplicate = {
  hidden: false;
  id: string;
  kind: ContactKind;
  name: string;
  /** A person's company, when it is not in the trash and the user may see it. */
  companyName: string | null;
  emails: string[];
  taxNumber: string;
  /** What it shares with the new data. */
  matchedBy: DuplicateMatch[];
};

/**
 * Contacts the user may not see (Restricted roles: another salesperson's customer) that share the
 * data: only what matched, never an id, name or email — "a contact with this email already exists".
 */
export type HiddenDuplicate = { hidden: true; matchedBy: DuplicateMatch[] };

export type DuplicateContact = VisibleDuplicate | HiddenDuplicate;

const maxDuplicates = 10;

/**
 * Live contacts sharing an email (GIN index on emails, `&&`) or the tax number (partial btree index)
 * with the given data. Runs inside the caller's transaction; trashed contacts are never reported.
 * Those the actor may not see (visibleContactsCondition) are folded into one HiddenDuplicate at the end.
 */
export async function findDuplicatesIn(db: Db, actor: Pick<Actor, "id" | "role" | "groupIds">, query: DuplicateQuery): Promise<DuplicateContact[]> {
  const matches: SQL[] = [];
  if (query.emails.length > 0) matches.push(arrayOverlaps(contacts.emails, query.emails));
  if (query.taxNumber) {
    matches.push(query.kind ? and(eq(contacts.taxNumber, query.taxNumber), eq(contacts.kind, query.kind))! : eq(contacts.taxNumber, query.taxNumber));
  }
  if (matches.length === 0) return [];
  const company = alias(contacts, "company");
  const rows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      name: contacts.name,
      companyName: company.name,
      emails: contacts.emails,
      taxNumber: contacts.taxNumber,
      visible: sql<boolean>`coalesce(${visibleContactsCondition(actor) ?? sql`true`}, false)`,
    })
    .from(contacts)
    .leftJoin(company, and(eq(company.id, contacts.companyId), isNull(company.deletedAt), visibleContactsCondition(actor, company)))
    .where(and(isNull(contacts.deletedAt), or(...matches), query.excludeId ? ne(contacts.id, query.excludeId) : undefined))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(maxDuplicates);

  const wanted = new Set(query.emails);
  const matchesOf = (row: { emails: string[]; taxNumber: string; kind: ContactKind }) => {
    const matchedBy: DuplicateMatch[] = [];
    if (row.emails.some((e) => wanted.has(e))) matchedBy.push("email");
    if (query.taxNumber && row.taxNumber === query.taxNumber && (!query.kind || row.kind === query.kind)) matchedBy.push("tax_number");
    return matchedBy;
  };
  const shown: DuplicateContact[] = rows
    .filter((row) => row.visible)
    .map((row) => ({
      hidden: false as const,
      id: row.id,
      kind: row.kind,
      name: row.name,
      companyName: row.companyName ?? null,
      emails: row.emails,
      taxNumber: row.taxNumber,
      matchedBy: matchesOf(row),
    }));
  const hiddenMatches = new Set(rows.filter((row) => !row.visible).flatMap(matchesOf));
  if (hiddenMatches.size > 0) shown.push({ hidden: true, matchedBy: (["email", "tax_number"] as const).filter((m) => hiddenMatches.has(m)) });
  return shown;
}

/** Before creating a contact: the existing ones the user probably means (same email or tax number). */
export async function findDuplicateContacts(ctx: Ctx, input: FindDuplicateContactsInput): Promise<DuplicateContact[]> {
  if (!can(ctx.actor, "contacts.view")) throw forbidden();
  const query = findDuplicateContactsSchema.parse(input);
  return findDuplicatesIn(ctx.db, ctx.actor, query);
}
