import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups } from "@/db/schema";
import { invalid } from "@/lib/errors";

/** Refuses ids that are not existing, non-archived groups ("invalid_group" on the groupIds field). */
export async function assertActiveGroups(db: Db, groupIds: string[]): Promise<void> {
  if (groupIds.length === 0) return;
  const found = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(inArray(groups.id, groupIds), isNull(groups.archivedAt)));
  if (found.length !== groupIds.length) throw invalid("invalid_group", { groupIds: "invalid_group" });
}
