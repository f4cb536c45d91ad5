import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fields, modules, statuses } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** A live module with its statuses and fields in order (archived ones included, so old values still show). */
export async function loadModuleForCards(db: Db, moduleId: string) {
  const [module] = await db.select().from(modules).where(and(eq(modules.id, moduleId), isNull(modules.archivedAt)));
  if (!module) throw notFound("module_not_found");
  const [moduleStatuses, moduleFields] = await Promise.all([
    db.select().from(statuses).where(eq(statuses.moduleId, moduleId)).orderBy(asc(statuses.position), asc(statuses.name)),
    db.select().from(fields).where(eq(fields.moduleId, moduleId)).orderBy(asc(fields.position), asc(fields.name)),
  ]);
  return { module, statuses: moduleStatuses, fields: moduleFields };
}
