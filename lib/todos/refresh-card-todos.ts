import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Recomputes a card's denormalised "next open todo" (cards.next_todo_*) and its per-assignee rows
 * (card_assignees) from the todos table. Called in the same transaction by every verb that creates,
 * edits, completes, reopens or trashes a todo, or moves/trashes the card — so lists never go stale.
 */
export async function refreshCardTodos(tx: Db, cardId: string): Promise<void> {
  await tx.execute(sql`
    update cards c set
      next_todo_deadline = n.deadline,
      next_todo_id = n.id
    from (select ${cardId}::uuid as card_id) k
    left join lateral (
      select t.id, t.deadline from todos t
      where t.card_id = k.card_id and t.completed_at is null and t.deleted_at is null
      order by t.deadline, t.id limit 1
    ) n on true
    where c.id = k.card_id`);
  await tx.execute(sql`delete from card_assignees where card_id = ${cardId}::uuid`);
  await tx.execute(sql`
    insert into card_assignees (card_id, assignee_id, module_id, status_id, next_todo_deadline, next_todo_id, open_todos)
    select distinct on (t.assignee_id)
      t.card_id, t.assignee_id, c.module_id, c.status_id, t.deadline, t.id,
      count(*) over (partition by t.assignee_id)
    from todos t join cards c on c.id = t.card_id
    where t.card_id = ${cardId}::uuid and t.completed_at is null and t.deleted_at is null and c.deleted_at is null
    order by t.assignee_id, t.deadline, t.id`);
}
