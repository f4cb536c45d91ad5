import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Set-based versions of lib/todos/refresh-card-todos.ts and lib/cards/refresh-search-text.ts, for
 * data written in bulk (demo seed, benchmark): the same columns, computed for every card at once.
 * Keep them in step with those two files. Also recounts card_count_deltas, which a bulk load that
 * skips triggers (the benchmark's COPY) leaves behind.
 */
export async function refreshAllDenormalised(db: Db): Promise<void> {
  // cards.next_todo_* and cards.search_text, in one pass over the cards (a sub-select that finds no
  // open todo sets both columns to null).
  await db.execute(sql`
    update cards c set
      (next_todo_deadline, next_todo_id) = (
        select t.deadline, t.id from todos t
        where t.card_id = c.id and t.completed_at is null and t.deleted_at is null
        order by t.deadline, t.id limit 1),
      search_text = lower(c.name || coalesce((
        select ' ' || string_agg(k.name || ' ' || array_to_string(k.emails, ' ') || ' ' || array_to_string(k.phones, ' '), ' ')
        from card_contacts cc join contacts k on k.id = cc.contact_id
        where cc.card_id = c.id and k.deleted_at is null), ''))`);

  // card_assignees: per card and assignee, their next open todo and how many they have.
  await db.execute(sql`delete from card_assignees`);
  await db.execute(sql`
    insert into card_assignees (card_id, assignee_id, module_id, status_id, next_todo_deadline, next_todo_id, open_todos)
    select distinct on (t.card_id, t.assignee_id)
      t.card_id, t.assignee_id, c.module_id, c.status_id, t.deadline, t.id,
      count(*) over (partition by t.card_id, t.assignee_id)
    from todos t join cards c on c.id = t.card_id
    where t.completed_at is null and t.deleted_at is null and c.deleted_at is null
    order by t.card_id, t.assignee_id, t.deadline, t.id`);

  // Live cards per module and status, as the triggers on cards would have counted them.
  await db.execute(sql`delete from card_count_deltas`);
  await db.execute(sql`
    insert into card_count_deltas (module_id, status_id, delta)
    select module_id, status_id, count(*) from cards where deleted_at is null group by module_id, status_id`);
}
