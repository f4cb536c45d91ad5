import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cards, contacts, modules, statuses, type ContactKind } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { cardSearchCondition, cardSearchMatches } from "@/lib/cards/card-search";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { contactSearchCondition } from "@/lib/contacts/contact-search";
import { visibleContactsCondition } from "@/lib/contacts/scope";
import { invalid } from "@/lib/errors";
import { likeEscape, normaliseQuery } from "./search-terms";

export const searchEverythingSchema = z.object({
  q: z.string("invalid_input").trim().max(200, "too_long"),
});
export type SearchEverythingInput = z.input<typeof searchEverythingSchema>;

/** Shorter queries find nothing: one letter is in every name, and no index helps with it. */
export const searchMinLength = 2;
/** At most this many results per group. */
export const searchGroupLimits = { cards: 8, companies: 5, persons: 5 } as const;
/** Matches fetched per group before they are ranked (see cardSearchMatches). */
const probe = 200;

export type CardHit = { id: string; name: string; module: { id: string; name: string }; status: { name: string; color: string } };
export type ContactHit = { id: string; name: string; companyName: string | null; email: string | null; phone: string | null };
export type SearchGroup<T> = { items: T[]; /** More matches than shown. */ more: boolean };
export type SearchResults = { cards: SearchGroup<CardHit>; companies: SearchGroup<ContactHit>; persons: SearchGroup<ContactHit> };

const none = { items: [], more: false };

/**
 * The header's search: cards in every active module and contacts the actor may see — exactly the
 * rows the module lists and the contact list show them (visibleCardsCondition, visibleContactsCondition)
 * — by name, email and phone, through the same conditions and trigram indexes as those lists.
 * Each group's matches are fetched unordered up to a bound, then ranked: the name starting with
 * the query, then containing it, then the rest (found through a contact or a later word); cards
 * most recently active first, contacts by name.
 */
export async function searchEverything(ctx: Ctx, input: SearchEverythingInput): Promise<SearchResults> {
  const parsed = searchEverythingSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "invalid_input", { q: parsed.error.issues[0]?.message ?? "invalid_input" });
  const text = normaliseQuery(parsed.data.q);
  if (text.length < searchMinLength) return { cards: none, companies: none, persons: none };

  const [cardGroup, companies, persons] = await Promise.all([
    can(ctx.actor, "cards.view") ? searchCards(ctx, text) : none,
    can(ctx.actor, "contacts.view") ? searchContacts(ctx, text, "company", searchGroupLimits.companies) : none,
    can(ctx.actor, "contacts.view") ? searchContacts(ctx, text, "person", searchGroupLimits.persons) : none,
  ]);
  return { cards: cardGroup, companies, persons };
}

/** 0 when the name starts with the query, 1 when it contains it, else 2. */
const nameRank = (name: SQL, text: string) =>
  sql<number>`case when ${name} like ${`${likeEscape(text)}%`} then 0 when ${name} like ${`%${likeEscape(text)}%`} then 1 else 2 end`;

async function searchCards({ actor, db }: Ctx, text: string): Promise<SearchGroup<CardHit>> {
  const limit = searchGroupLimits.cards;
  const activeModules = db.select({ id: modules.id }).from(modules).where(isNull(modules.archivedAt));
  const matches = cardSearchMatches(db, [isNull(cards.deletedAt), inArray(cards.moduleId, activeModules), visibleCardsCondition(actor), cardSearchCondition(text)], probe).as("matches");
  const rows = await db
    .select({
      id: cards.id,
      name: cards.name,
      moduleId: modules.id,
      moduleName: modules.name,
      statusName: statuses.name,
      statusColor: statuses.color,
      found: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(matches)
    .innerJoin(cards, eq(cards.id, matches.id))
    .innerJoin(modules, eq(modules.id, cards.moduleId))
    .innerJoin(statuses, eq(statuses.id, cards.statusId))
    .orderBy(nameRank(sql`lower(${cards.name})`, text), desc(cards.lastActivityAt), asc(cards.id))
    .limit(limit);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, module: { id: r.moduleId, name: r.moduleName }, status: { name: r.statusName, color: r.statusColor } })),
    more: (rows[0]?.found ?? 0) > limit,
  };
}

async function searchContacts({ actor, db }: Ctx, text: string, kind: ContactKind, limit: number): Promise<SearchGroup<ContactHit>> {
  const visible = visibleContactsCondition(actor);
  const matches = db
    .select({ id: contacts.id, name: contacts.name, companyId: contacts.companyId, emails: contacts.emails, phones: contacts.phones })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), eq(contacts.kind, kind), visible, contactSearchCondition(text)))
    .limit(probe + 1)
    .as("matches");
  // A person's company is named only when the actor may see it too.
  const companyName = sql<string | null>`(select ${contacts.name} from ${contacts}
    where ${and(sql`${contacts.id} = ${matches.companyId}`, isNull(contacts.deletedAt), visible)})`;
  const rows = await db
    .select({
      id: matches.id,
      name: matches.name,
      companyName,
      email: sql<string | null>`${matches.emails}[1]`,
      phone: sql<string | null>`${matches.phones}[1]`,
      found: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(matches)
    .orderBy(nameRank(sql`lower(${matches.name})`, text), sql`lower(${matches.name})`, asc(matches.id))
    .limit(limit);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, companyName: r.companyName, email: r.email, phone: r.phone })),
    more: (rows[0]?.found ?? 0) > limit,
  };
}
