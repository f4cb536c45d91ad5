import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contacts, type ContactKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { contactSearchCondition } from "./contact-search";
import { optionalKindSchema } from "./schemas";
import { visibleContactsCondition } from "./scope";

export const listContactsSchema = z.object({
  q: z.string("invalid_input").trim().max(200, "too_long").optional().default(""),
  kind: optionalKindSchema,
  /** From the previous page's `nextCursor`. */
  cursor: z.string("invalid_input").max(1000, "invalid_input").optional(),
  limit: z.coerce.number("invalid_input").int("invalid_input").min(1, "invalid_input").max(100, "invalid_input").optional().default(50),
});
export type ListContactsInput = z.input<typeof listContactsSchema>;

export type ContactListItem = {
  id: string;
  kind: ContactKind;
  name: string;
  companyId: string | null;
  /** The person's company, unless it is in the trash. */
  companyName: string | null;
  emails: string[];
  phones: string[];
};

export type ContactListPage = { items: ContactListItem[]; nextCursor: string | null };

type Cursor = { key: string; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.key, c.id])).toString("base64url");

function decodeCursor(cursor: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof key === "string" && typeof id === "string" && z.uuid().safeParse(id).success) return { key, id };
  } catch {
    // fall through
  }
  throw invalid("invalid_input", { cursor: "invalid_input" });
}

/**
 * Live contacts the actor may see (visibleContactsCondition) by name (then id), searched and filtered,
 * one keyset page at a time (never OFFSET). A person's company is named only when the actor may see it too.
 */
async function listContactsIn(db: Db, actor: Actor, input: z.output<typeof listContactsSchema>): Promise<ContactListPage> {
  const sortKey = sql<string>`lower(${contacts.name})`;
  const restricted = visibleContactsCondition(actor) !== undefined;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const company = alias(contacts, "company");
  const rows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      name: contacts.name,
      companyId: contacts.companyId,
      companyName: company.name,
      companyVisible: sql<boolean>`${company.id} is not null`,
      emails: contacts.emails,
      phones: contacts.phones,
      sortKey,
    })
    .from(contacts)
    .leftJoin(company, and(eq(company.id, contacts.companyId), isNull(company.deletedAt), visibleContactsCondition(actor, company)))
    .where(
      and(
        isNull(contacts.deletedAt),
        visibleContactsCondition(actor),
        input.kind ? eq(contacts.kind, input.kind) : undefined,
        contactSearchCondition(input.q),
        after ? sql`(${sortKey}, ${contacts.id}) > (${after.key}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sortKey), asc(contacts.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      // A company the actor may not see is not even named by id.
      companyId: restricted && !row.companyVisible ? null : row.companyId,
      companyName: row.companyName ?? null,
      emails: row.emails,
      phones: row.phones,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

export async function listContacts(ctx: Ctx, input: ListContactsInput = {}): Promise<ContactListPage> {
  if (!can(ctx.actor, "contacts.view")) throw forbidden();
  return listContactsIn(ctx.db, ctx.actor, listContactsSchema.parse(input));
}

/** Whether any live contact the actor may see exists at all (to tell "nothing yet" from "nothing matches"). */
export async function hasContacts(ctx: Ctx): Promise<boolean> {
  if (!can(ctx.actor, "contacts.view")) throw forbidden();
  const [row] = await ctx.db.select({ id: contacts.id }).from(contacts).where(and(isNull(contacts.deletedAt), visibleContactsCondition(ctx.actor))).limit(1);
  return Boolean(row);
}
