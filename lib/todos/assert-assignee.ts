import type { Db } from "@/db/client";
import { loadUsersWithScope, usersSeeingCard } from "@/lib/cards/list-card-users";
import { invalid } from "@/lib/errors";

/**
 * A todo's assignee must be an active user who may see its card (the card rule, for the assignee's
 * role and groups): else the todo would exist for nobody — it never shows in their My todos or lists.
 * `field` names the form field to flag. Two queries, whoever the assignee.
 */
export async function assertAssigneeSeesCard(db: Db, cardId: string, assigneeId: string, field = "assigneeId"): Promise<void> {
  const [assignee] = await loadUsersWithScope(db, [assigneeId]);
  if (!assignee || assignee.deactivatedAt) throw invalid("inactive_user", { [field]: "inactive_user" });
  const seeing = await usersSeeingCard(db, cardId, [assignee]);
  if (!seeing.has(assignee.id)) throw invalid("assignee_cannot_see_card", { [field]: "assignee_cannot_see_card" });
}
