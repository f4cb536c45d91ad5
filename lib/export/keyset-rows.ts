import { asc, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

/** Rows a query reads: enough to keep round trips few, little enough to keep memory flat. */
export const exportPageRows = 2_000;

/**
 * Every row of a table in key order, a keyset page at a time (`(k1, k2) > (last1, last2)`, never
 * OFFSET), without the columns named in `omit`. Memory: one page, however large the table.
 */
export async function* keysetRows(
  db: Db,
  table: PgTable,
  { key, omit = [], where }: { key: PgColumn[]; omit?: string[]; where?: SQL },
): AsyncGenerator<Record<string, unknown>[]> {
  const columns = Object.fromEntries(Object.entries(getTableColumns(table)).filter(([name]) => !omit.includes(name)));
  const keyNames = key.map((column) => Object.entries(getTableColumns(table)).find(([, c]) => c === column)![0]);
  let last: unknown[] | null = null;
  for (;;) {
    const after: SQL | undefined = last
      ? sql`(${sql.join(key, sql`, `)}) > (${sql.join(
          last.map((value, i) => sql`${value}::${sql.raw(key[i].getSQLType())}`),
          sql`, `,
        )})`
      : undefined;
    const condition: SQL | undefined = after && where ? sql`${where} and ${after}` : (after ?? where);
    const page: Record<string, unknown>[] = await db
      .select(columns)
      .from(table)
      .where(condition)
      .orderBy(...key.map((column) => asc(column)))
      .limit(exportPageRows);
    if (page.length) yield page;
    if (page.length < exportPageRows) return;
    const tail: Record<string, unknown> = page[page.length - 1];
    last = keyNames.map((name): unknown => tail[name]);
  }
}
