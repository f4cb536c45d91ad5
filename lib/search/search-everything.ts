import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
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

const none: SearchGroup<never> = { items: [], more: false };

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

  const [cardGroup, contactGroups] = await Promise.all([
    can(ctx.actor, "cards.view") ? searchCards(ctx, text) : none,
    can(ctx.actor, "contacts.view") ? searchContacts(ctx, text) : { companies: none, persons: none },
  ]);
  return { cards: cardGroup, ...contactGroups };
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

/**
 * Contacts in two steps. First the ids of up to `probe + 1` live matches of either kind, straight off
 * the trigram indexes (a kind filter here would make the planner expect a company word among the
 * persons too, and scan them all for it). Then, for just those ids, the visibility rule — one
 * indexed look-up per contact instead of a hash of every card link — and the ranking per kind.
 * A word found in more than `probe` contacts fills the groups from its first matches and says there is more.
 */
async function searchContacts({ actor, db }: Ctx, text: string): Promise<Pick<SearchResults, "companies" | "persons">> {
  const candidates = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), contactSearchCondition(text)))
    .limit(probe + 1);
  if (candidates.length === 0) return { companies: none, persons: none };
  const visible = visibleContactsCondition(actor);
  const ranked = db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      name: contacts.name,
      companyId: contacts.companyId,
      emails: contacts.emails,
      phones: contacts.phones,
      n: sql<number>`row_number() over (partition by ${contacts.kind} order by ${nameRank(sql`lower(${contacts.name})`, text)}, lower(${contacts.name}), ${contacts.id})`
        .mapWith(Number)
        .as("n"),
    })
    .from(contacts)
    .where(and(inArray(contacts.id, candidates.map((c) => c.id)), visible))
    .as("ranked");
  // A person's company is named only when the actor may see it too.
  const companyName = sql<string | null>`(select ${contacts.name} from ${contacts}
    where ${and(sql`${contacts.id} = ${ranked.companyId}`, isNull(contacts.deletedAt), visible)})`;
  const rows = await db
    .select({
      id: ranked.id,
      kind: ranked.kind,
      name: ranked.name,
      companyName,
      email: sql<string | null>`${ranked.emails}[1]`,
      phone: sql<string | null>`${ranked.phones}[1]`,
      n: ranked.n,
    })
    .from(ranked)
    .where(lte(ranked.n, Math.max(searchGroupLimits.companies, searchGroupLimits.persons) + 1))
    .orderBy(ranked.kind, ranked.n);
  const group = (kind: ContactKind, limit: number): SearchGroup<ContactHit> => {
    const ofKind = rows.filter((r) => r.kind === kind);
    return {
      items: ofKind.slice(0, limit).map((r) => ({ id: r.id, name: r.name, companyName: r.companyName, email: r.email, phone: r.phone })),
      more: ofKind.length > limit || candidates.length > probe,
    };
  };
  return { companies: group("company", searchGroupLimits.companies), persons: group("person", searchGroupLimits.persons) };
}
