import { asc, eq, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/db/client";
import { fields, modules, statuses } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

export type ActiveModule = { id: string; name: string };

/** The modules of the top navigation: not archived, in their order. Every user sees every module. Once per request. */
export const listActiveModules = cache(
  async (db: Db): Promise<ActiveModule[]> =>
    await db
      .select({ id: modules.id, name: modules.name })
      .from(modules)
      .where(isNull(modules.archivedAt))
      .orderBy(asc(modules.position), asc(modules.createdAt), asc(modules.id)),
);

export type ModuleListItem = {
  id: string;
  name: string;
  position: number;
  createdAt: Date;
  archivedAt: Date | null;
  /** Non-archived statuses and fields; the archived ones are counted apart. */
  statusCount: number;
  archivedStatusCount: number;
  fieldCount: number;
  archivedFieldCount: number;
};

/** For the module settings: every module, active ones first, each group in navigation order, with counts. */
export async function listModules(ctx: Ctx): Promise<ModuleListItem[]> {
  if (!can(ctx.actor, "modules.manage")) throw forbidden();
  // Aliases of aggregates are not qualified by Drizzle, so each subquery names its own uniquely.
  const counts = (table: typeof statuses | typeof fields, alias: string) =>
    ctx.db
      .select({
        moduleId: table.moduleId,
        active: sql<number>`(count(*) filter (where ${table.archivedAt} is null))::int`.as(`${alias}_active`),
        archived: sql<number>`(count(*) filter (where ${table.archivedAt} is not null))::int`.as(`${alias}_archived`),
      })
      .from(table)
      .groupBy(table.moduleId)
      .as(alias);
  const s = counts(statuses, "status");
  const f = counts(fields, "field");
  return ctx.db
    .select({
      id: modules.id,
      name: modules.name,
      position: modules.position,
      createdAt: modules.createdAt,
      archivedAt: modules.archivedAt,
      statusCount: sql<number>`coalesce(${s.active}, 0)`,
      archivedStatusCount: sql<number>`coalesce(${s.archived}, 0)`,
      fieldCount: sql<number>`coalesce(${f.active}, 0)`,
      archivedFieldCount: sql<number>`coalesce(${f.archived}, 0)`,
    })
    .from(modules)
    .leftJoin(s, eq(s.moduleId, modules.id))
    .leftJoin(f, eq(f.moduleId, modules.id))
    .orderBy(sql`${modules.archivedAt} is not null`, asc(modules.position), asc(modules.createdAt), asc(modules.id));
}
