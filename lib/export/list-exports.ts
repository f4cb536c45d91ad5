import { desc, eq } from "drizzle-orm";
import { dataExports, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

/** Longer than any export runs (1,000,000 cards stream in minutes): one still "running" after this died with its process. */
export const exportGivenUpAfterMs = 6 * 60 * 60 * 1000;

/** The latest full exports, newest first: who took the data out, when, and how much. */
export async function listExports({ actor, db, now }: Ctx, { limit = 50 }: { limit?: number } = {}) {
  if (!can(actor, "exports.run")) throw forbidden();
  const rows = await db
    .select({
      id: dataExports.id,
      state: dataExports.state,
      separator: dataExports.separator,
      rows: dataExports.rows,
      bytes: dataExports.bytes,
      startedAt: dataExports.startedAt,
      finishedAt: dataExports.finishedAt,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(dataExports)
    .innerJoin(users, eq(users.id, dataExports.actorId))
    .orderBy(desc(dataExports.startedAt), desc(dataExports.id))
    .limit(limit);
  return rows.map((r) => (r.state === "running" && now.getTime() - r.startedAt.getTime() > exportGivenUpAfterMs ? { ...r, state: "failed" as const } : r));
}
