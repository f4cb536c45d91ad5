import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationEnrolments, automations, cards } from "@/db/schema";
import { enrolCards, leaveEnrolments, type EnrolTarget } from "./enrol-cards";
import { anyUuid, evaluateAutomations, loadAutomations, type EnrolmentRow, type LoadedAutomation } from "./qualify";

/**
 * Re-entry policy: a card that leaves and comes back is a newcomer again (a new enrolment, its steps
 * from the start) — unless it comes back within 24 hours of the entry of its previous enrolment with
 * steps: then it is noted as inside without steps (as "only new cards" notes the cards inside at
 * activation), so a mis-click bounced back does not mail the customer twice, and a later edit of the
 * card does not enrol it either. Only leaving and coming back after that gives it the steps again.
 */
export const reentryCooldownMs = 24 * 60 * 60 * 1000;

export type { EnrolmentRow };

const enrolmentColumns = {
  id: automationEnrolments.id,
  automationId: automationEnrolments.automationId,
  cardId: automationEnrolments.cardId,
  state: automationEnrolments.state,
  withSteps: automationEnrolments.withSteps,
  enteredAt: automationEnrolments.enteredAt,
};

/** The enrolments the decision needs: active ones, and recent ones with steps (the re-entry cooldown). */
export const relevantEnrolments = (now: Date) =>
  or(
    eq(automationEnrolments.state, "active"),
    and(eq(automationEnrolments.withSteps, true), gt(automationEnrolments.enteredAt, new Date(now.getTime() - reentryCooldownMs))),
  );

export async function selectEnrolments(tx: Db, where: ReturnType<typeof and>): Promise<EnrolmentRow[]> {
  return tx.select(enrolmentColumns).from(automationEnrolments).where(where).prepare("automations_enrolments").execute();
}

/**
 * Brings enrolments in line with the answers: for each automation, cards qualifying and not inside
 * enter (continuous automations only: one-time ones enrol at activation alone), cards inside and no
 * longer qualifying leave. `enrolments` must hold every relevant enrolment of the cards considered.
 */
export async function reconcileEnrolments(
  tx: Db,
  loaded: LoadedAutomation[],
  qualifying: Map<string, Set<string>>,
  owners: Map<string, string | null>,
  enrolments: EnrolmentRow[],
  now: Date,
): Promise<{ entered: number; left: number }> {
  const active = new Map<string, EnrolmentRow>();
  const recent = new Set<string>();
  for (const e of enrolments) {
    const pair = `${e.automationId}:${e.cardId}`;
    if (e.state === "active") active.set(pair, e);
    if (e.withSteps && now.getTime() - e.enteredAt.getTime() < reentryCooldownMs) recent.add(pair);
  }
  const leaving: string[] = [];
  for (const e of active.values()) if (!qualifying.get(e.automationId)?.has(e.cardId)) leaving.push(e.id);
  const entering: EnrolTarget[] = [];
  for (const { automation } of loaded) {
    if (automation.kind !== "continuous") continue;
    for (const cardId of qualifying.get(automation.id) ?? []) {
      const pair = `${automation.id}:${cardId}`;
      if (active.has(pair)) continue;
      entering.push({ automationId: automation.id, cardId, ownerId: owners.get(cardId) ?? null, withSteps: !recent.has(pair) });
    }
  }
  // Leave first: a card cannot be both, but the order keeps cancellations ahead of new jobs.
  if (leaving.length) await leaveEnrolments(tx, { enrolmentIds: leaving }, now);
  const { enrolled } = await enrolCards(tx, entering, now);
  return { entered: enrolled, left: leaving.length };
}

/**
 * THE enrolment path (ARCHITECTURE "One path for a write's side effects"): `recordHistory` calls it
 * inside every card write's transaction. For each active automation of the cards' modules it asks
 * "does this card qualify now?" in one query for all cards and automations, enrols newcomers (one
 * step run + job per step) and cancels the pending step runs of cards that left.
 *
 * Cost for a card write: one query for the active automations of the cards' modules (nothing more
 * when there are none), one evaluating all of them for all the cards and reading their enrolments;
 * writes only when someone enters or leaves.
 */
export async function syncEnrolments(tx: Db, cardIds: string[], now: Date): Promise<void> {
  const ids = [...new Set(cardIds)];
  if (ids.length === 0) return;
  const modulesOfCards = sql`${automations.moduleId} in (select distinct ${cards.moduleId} from ${cards} where ${anyUuid(cards.id, ids)})`;
  const loaded = await loadAutomations(tx, and(eq(automations.state, "active"), modulesOfCards), now, { lock: true });
  if (loaded.length === 0) return;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const { owners, qualifying, enrolments } = await evaluateAutomations(tx, loaded, chunk, { enrolmentsSince: new Date(now.getTime() - reentryCooldownMs) });
    await reconcileEnrolments(tx, loaded, qualifying, owners, enrolments, now);
  }
}
