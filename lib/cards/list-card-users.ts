import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards, groupMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { liveMembershipOfUser } from "@/lib/groups/live-membership";
import { comparePeople, nameCollator } from "@/lib/users/compare-names";
import { visibleCardsCondition } from "./scope";

/**
 * A user as cards show them: owner and assignee pickers, history entries. `seesCard` (when listed for
 * one card) says whether they may see it, so the assignee picker offers only those (SPEC §1).
 */
export type CardUser = { id: string; name: string; active: boolean; seesCard?: boolean };

/** "Last First" (the Hungarian order used everywhere in the app), or the email when no name was given. */
export const displayName = (u: { firstName: string | null; lastName: string | null; email: string | null }) =>
  `${u.lastName ?? ""} ${u.firstName ?? ""}`.trim() || (u.email ?? "");

type ScopeActor = Pick<Actor, "id" | "role" | "groupIds">;
type UserRow = { id: string; email: string; firstName: string; lastName: string; deactivatedAt: Date | null } & ScopeActor;

/**
 * Users with what the card rule needs of them (role, live group memberships — archived groups scope
 * nothing, as at sign-in), all of them or these ids. One query.
 */
export async function loadUsersWithScope(db: Db, userIds?: string[]): Promise<UserRow[]> {
  if (userIds && userIds.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      groupId: groupMembers.groupId,
    })
    .from(users)
    .leftJoin(groupMembers, liveMembershipOfUser())
    .where(userIds ? inArray(users.id, userIds) : undefined)
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
  const byId = new Map<string, UserRow>();
  for (const { groupId, ...user } of rows) {
    const seen = byId.get(user.id) ?? { ...user, groupIds: [] };
    if (groupId) seen.groupIds.push(groupId);
    byId.set(user.id, seen);
  }
  return [...byId.values()];
}

/** Postgres allows at most 1664 columns in a select list. */
const usersPerQuery = 1000;

/**
 * Which of these users may see the card: the card rule itself (visibleCardsCondition) built for each
 * user's role and groups, evaluated against the card's current row — one query (one column per user),
 * never one query per user. Inside a transaction it sees that transaction's changes (a new owner).
 */
export async function usersSeeingCard(db: Db, cardId: string, people: ScopeActor[]): Promise<Set<string>> {
  const seeing = new Set<string>();
  for (let start = 0; start < people.length; start += usersPerQuery) {
    const chunk = people.slice(start, start + usersPerQuery);
    const columns = Object.fromEntries(
      chunk.map((person, i) => [`u${i}`, sql<boolean>`coalesce(${visibleCardsCondition(person) ?? sql`true`}, false)`]),
    );
    const [row] = await db.select(columns).from(cards).where(eq(cards.id, cardId));
    if (!row) return seeing;
    chunk.forEach((person, i) => row[`u${i}`] && seeing.add(person.id));
  }
  return seeing;
}

/**
 * Every user, active ones first, then by name in the reader's language: pickers offer the active
 * ones; history still names deactivated people. With `cardId`, each says whether they may see that
 * card (`seesCard`). One query, two with a card.
 */
export async function listCardUsers(db: Db, locale: string | null = null, { cardId }: { cardId?: string } = {}): Promise<CardUser[]> {
  const rows = await loadUsersWithScope(db);
  const seeing = cardId ? await usersSeeingCard(db, cardId, rows) : null;
  const byName = comparePeople(nameCollator(locale));
  return rows
    .sort((a, b) => Number(Boolean(a.deactivatedAt)) - Number(Boolean(b.deactivatedAt)) || byName(a, b))
    .map((u) => ({ id: u.id, name: displayName(u), active: !u.deactivatedAt, ...(seeing ? { seesCard: seeing.has(u.id) } : {}) }));
}
