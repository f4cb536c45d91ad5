import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cards } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { cardListFilters, hasOpenTodoFor, type ListCardsInput, type ListView } from "./list-cards";

/** A money column's sum, one entry per currency found (largest first). */
export type MoneyTotal = { currency: string; amount: number };

/**
 * The sum of every money column of a view over all the cards the list shows with these filters (not
 * just the page): per field, per currency — amounts in different currencies are never added up. One
 * query for all money columns, whatever their number.
 */
export async function viewTotals(
  db: Db,
  actor: Actor,
  input: Pick<ListCardsInput, "moduleId" | "userId" | "statusId" | "q"> & { view: Pick<ListView, "filter" | "columns"> },
): Promise<Record<string, MoneyTotal[]>> {
  if (!can(actor, "cards.view")) throw forbidden();
  const money = input.view.columns.filter((c) => c.type === "money");
  if (money.length === 0) return {};
  const where: SQL[] = cardListFilters(actor, input);
  if (input.statusId) where.push(eq(cards.statusId, input.statusId));
  if (input.userId) where.push(hasOpenTodoFor(db, input.userId));

  // Each card once, then one (field, value, default currency) row per money column: a lateral VALUES list.
  const columns = sql.join(
    money.map((f) => sql`(${f.id}::text, ${cards.values} -> ${f.id}::text, ${f.options.currency ?? "HUF"}::text)`),
    sql`, `,
  );
  const rows = await db
    .select({
      fieldId: sql<string>`m.field_id`,
      currency: sql<string>`coalesce(m.value ->> 'currency', m.fallback)`,
      amount: sql<string>`sum((m.value ->> 'amount')::numeric)::text`,
    })
    .from(cards)
    .innerJoin(sql`lateral (values ${columns}) as m(field_id, value, fallback)`, sql`jsonb_typeof(m.value -> 'amount') = 'number'`)
    .where(and(...where))
    .groupBy(sql`1, 2`)
    .orderBy(sql`1`, sql`sum((m.value ->> 'amount')::numeric) desc`, sql`2`);

  const totals: Record<string, MoneyTotal[]> = {};
  for (const row of rows) (totals[row.fieldId] ??= []).push({ currency: row.currency, amount: Number(row.amount) });
  return totals;
}
