import type { Db } from "@/db/client";
import { type ContactRecipient, type StepSkipReason, type UserRule } from "@/db/schema";
import { chooseRecipients } from "@/lib/bulk-email/plan-bulk-run";
import { loadUsersWithScope, usersSeeingCard } from "@/lib/cards/list-card-users";
import { visibleCardsCondition } from "@/lib/cards/scope";
import type { Locale } from "@/lib/email/variable-values";

export type StepUser = Awaited<ReturnType<typeof loadUsersWithScope>>[number];
export type ContactAddress = { address: string; name: string; contactId: string | null };

/**
 * The user a step means by a rule: the card's owner, or the chosen user. Skipped when there is none
 * (an unowned card: `noneReason`), when they are deactivated (`inactiveReason`), or — for a recipient —
 * when they may not see the card (an email or todo about a card they cannot open would leak it or be
 * lost: no My todos shows it).
 */
export async function resolveStepUser(
  db: Db,
  { rule, userId, cardId, ownerId, mustSeeCard }: { rule: UserRule; userId: string | null; cardId: string; ownerId: string | null; mustSeeCard: boolean },
  reasons: { none: StepSkipReason; inactive: StepSkipReason },
): Promise<{ user: StepUser } | { skip: StepSkipReason }> {
  const id = rule === "user" ? userId : ownerId;
  if (!id) return { skip: reasons.none };
  const [user] = await loadUsersWithScope(db, [id]);
  if (!user) return { skip: reasons.none };
  if (user.deactivatedAt) return { skip: reasons.inactive };
  // The owner, and roles that see every card, need no query.
  const seesAll = user.id === ownerId || visibleCardsCondition(user) === undefined;
  if (mustSeeCard && !seesAll && !(await usersSeeingCard(db, cardId, [user])).has(user.id)) return { skip: "no_recipient" };
  return { user };
}

/**
 * The contact addresses an "email to contact" step goes to, by the same rule as a bulk run (the main
 * person, every person, or the company): cards without an address give "no_recipient"; addresses on
 * the suppression list (they unsubscribed) are left out, and when that leaves none, "recipient_unsubscribed".
 */
export async function resolveContactRecipients(db: Db, cardId: string, rule: ContactRecipient, locale: Locale): Promise<{ to: ContactAddress[] } | { skip: StepSkipReason }> {
  // chooseRecipients marks each planned address: none, unsubscribed (the suppression list), a duplicate.
  const planned = (await chooseRecipients(db, [cardId], rule, locale)).filter((r) => r.skip !== "no_address");
  if (planned.length === 0) return { skip: "no_recipient" };
  const to = planned.filter((r) => r.skip === null).map((r) => ({ address: r.address, name: r.name, contactId: r.contactId }));
  return to.length ? { to } : { skip: "recipient_unsubscribed" };
}
