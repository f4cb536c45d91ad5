import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fields, modules, statuses } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";

type Module = typeof modules.$inferSelect;
type Status = typeof statuses.$inferSelect;
type Field = typeof fields.$inferSelect;

/**
 * Locks a module's row for the rest of the transaction. Every verb that changes a module's statuses
 * or fields takes this lock first, so positions and name checks never race. With `active`, an
 * archived module is refused ("module_archived"): restore it first.
 */
export async function lockModule(tx: Db, moduleId: string, { active = false } = {}): Promise<Module> {
  const [mod] = await tx.select().from(modules).where(eq(modules.id, moduleId)).for("update");
  if (!mod) throw notFound();
  if (active && mod.archivedAt) throw conflict("module_archived");
  return mod;
}

/** A status with its module locked (the module must not be archived). */
export async function lockStatus(tx: Db, statusId: string): Promise<{ module: Module; status: Status }> {
  const [found] = await tx.select({ moduleId: statuses.moduleId }).from(statuses).where(eq(statuses.id, statusId));
  if (!found) throw notFound();
  const mod = await lockModule(tx, found.moduleId, { active: true });
  const [status] = await tx.select().from(statuses).where(eq(statuses.id, statusId));
  return { module: mod, status };
}

/** A field with its module locked (the module must not be archived). */
export async function lockField(tx: Db, fieldId: string): Promise<{ module: Module; field: Field }> {
  const [found] = await tx.select({ moduleId: fields.moduleId }).from(fields).where(eq(fields.id, fieldId));
  if (!found) throw notFound();
  const mod = await lockModule(tx, found.moduleId, { active: true });
  const [field] = await tx.select().from(fields).where(eq(fields.id, fieldId));
  return { module: mod, field };
}

/** Status names are unique in a module whatever their case, archived ones included (restore those instead). */
export async function assertStatusNameFree(tx: Db, moduleId: string, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: statuses.id })
    .from(statuses)
    .where(and(eq(statuses.moduleId, moduleId), eq(sql`lower(${statuses.name})`, name.toLowerCase()), exceptId ? ne(statuses.id, exceptId) : undefined));
  if (other) throw conflict("status_name_taken", { name: "status_name_taken" });
}

/** Field names are unique in a module whatever their case, archived ones included. */
export async function assertFieldNameFree(tx: Db, moduleId: string, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: fields.id })
    .from(fields)
    .where(and(eq(fields.moduleId, moduleId), eq(sql`lower(${fields.name})`, name.toLowerCase()), exceptId ? ne(fields.id, exceptId) : undefined));
  if (other) throw conflict("field_name_taken", { name: "field_name_taken" });
}

/**
 * Checks that `ordered` is exactly `current` (same ids, each once), in any order. A list that is
 * out of date (someone added or removed one meanwhile) is "stale_order": reload and try again.
 */
export function assertSameIds(current: string[], ordered: string[]): void {
  const want = new Set(current);
  const got = new Set(ordered);
  if (got.size !== ordered.length || got.size !== want.size || ordered.some((id) => !want.has(id))) {
    throw conflict("stale_order");
  }
}
