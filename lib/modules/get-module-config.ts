import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { fields, modules, statuses } from "@/db/schema";
import { notFound } from "@/lib/errors";

export type StatusConfig = typeof statuses.$inferSelect & { archived: boolean };
export type FieldConfig = typeof fields.$inferSelect & { archived: boolean };
export type ModuleConfig = typeof modules.$inferSelect & {
  archived: boolean;
  /** In pipeline order, archived ones included (flagged): cards in an archived status still show it. */
  statuses: StatusConfig[];
  /** In form order, archived ones included (flagged): their values stay on the cards. */
  fields: FieldConfig[];
};

/**
 * A module with its statuses and fields, each in order, archived ones included and flagged.
 * "not_found" for an unknown (or malformed) id. No permission check: every user may read a
 * module's configuration; callers check what they do with it.
 */
export async function getModuleConfigOrThrow(db: Db, moduleId: string): Promise<ModuleConfig> {
  if (!z.uuid().safeParse(moduleId).success) throw notFound();
  const [mod] = await db.select().from(modules).where(eq(modules.id, moduleId));
  if (!mod) throw notFound();
  const [statusRows, fieldRows] = await Promise.all([
    db.select().from(statuses).where(eq(statuses.moduleId, moduleId)).orderBy(asc(statuses.position), asc(statuses.id)),
    db.select().from(fields).where(eq(fields.moduleId, moduleId)).orderBy(asc(fields.position), asc(fields.id)),
  ]);
  const flag = <T extends { archivedAt: Date | null }>(row: T) => ({ ...row, archived: row.archivedAt !== null });
  return { ...flag(mod), statuses: statusRows.map(flag), fields: fieldRows.map(flag) };
}
