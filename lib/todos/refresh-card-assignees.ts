import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const cardsPerStatement = 1000;

/**
 * Rebuilds the per-assignee rows (card_assignees) of many cards at once, for a change that moved
 * open todos between assignees without touching their deadlines (a hand-over): the cards' own
 * "next open todo" stays as it was. Two statements per thousand cards, whatever the number of todos.
 */
export async function refreshCardAssignees(tx: Db, cardIds: string[]): Promise<void> {
  const unique = [...new Set(cardIds)];
  for (let start = 0; start < unique.length; start += cardsPerStatement) {
    const ids = sql.join(
      unique.slice(start, start + cardsPerStatement).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await tx.execute(sql`delete from card_assignees where card_id in (${ids})`);
    await tx.execute(sql`
      insert into card_assignees (card_id, assignee_id, module_id, status_id, next_todo_deadline, next_todo_id, open_todos)
      select distinct on (t.card_id, t.assignee_id)
        t.card_id, t.assignee_id, c.module_id, c.status_id, t.deadline, t.id,
        count(*) over (partition by t.card_id, t.assignee_id)
      from todos t join cards c on c.id = t.card_id
      where t.card_id in (${ids}) and t.completed_at is null and t.deleted_at is null and c.deleted_at is null
      order by t.card_id, t.assignee_id, t.deadline, t.id`);
  }
}
