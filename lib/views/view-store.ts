import { and, asc, eq, isNull, max, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modules, views } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { conflict, DomainError, notFound } from "@/lib/errors";
import { getModuleConfigOrThrow, type ModuleConfig } from "@/lib/modules/get-module-config";
import { parseViewDefinition, type ViewDefinition } from "./definition";
import { viewNameMaxLength } from "./view-input";
import { canEditView, canSeeView, type ViewOwnership } from "./view-permissions";

/**
 * What the view verbs share: the lock, the switcher groups, names and positions. A view lives in one
 * group of its module's switcher: the shared views, or its creator's private ones. Names are unique
 * and positions count within a group.
 */

export type ViewRow = typeof views.$inferSelect;
export type ViewRecord = Omit<ViewRow, "definition"> & { definition: ViewDefinition; canEdit: boolean };

export const toViewRecord = (actor: Actor, row: ViewRow): ViewRecord => ({
  ...row,
  definition: parseViewDefinition(row.definition),
  canEdit: canEditView(actor, row),
});

/**
 * Locks the module's row for the transaction, so two view writes of a module never race on names or
 * positions. "No key update" leaves card inserts (which take a key-share lock on the module) unblocked.
 */
export async function lockModuleViews(tx: Db, moduleId: string): Promise<void> {
  const [mod] = await tx.select({ id: modules.id }).from(modules).where(eq(modules.id, moduleId)).for("no key update");
  if (!mod) throw notFound("module_not_found");
}

const inGroup = (moduleId: string, group: ViewOwnership) =>
  and(eq(views.moduleId, moduleId), isNull(views.deletedAt), group.shared ? eq(views.shared, true) : and(eq(views.shared, false), eq(views.createdById, group.createdById)));

/** A live view the actor may open, for a verb: "view_not_found" as getViewOrThrow says it. */
export async function getLiveViewOrThrow(db: Db, actor: Actor, viewId: string, moduleId?: string): Promise<ViewRecord> {
  const [row] = await db
    .select()
    .from(views)
    .where(and(eq(views.id, viewId), isNull(views.deletedAt), moduleId ? eq(views.moduleId, moduleId) : undefined));
  if (!row || !canSeeView(actor, row)) throw notFound("view_not_found");
  return toViewRecord(actor, row);
}

/** "view_name_taken" when another live view of the group has this name, whatever its case. */
export async function assertViewNameFree(tx: Db, moduleId: string, group: ViewOwnership, name: string, exceptId?: string): Promise<void> {
  const [other] = await tx
    .select({ id: views.id })
    .from(views)
    .where(and(inGroup(moduleId, group), eq(sql`lower(${views.name})`, name.toLowerCase()), exceptId ? ne(views.id, exceptId) : undefined));
  if (other) throw conflict("view_name_taken", { name: "view_name_taken" });
}

/** `name`, or the first of "name (2)", "name (3)"… free in the group (shortened to fit the length limit). */
export async function freeViewName(tx: Db, moduleId: string, group: ViewOwnership, name: string): Promise<string> {
  const rows = await tx.select({ name: views.name }).from(views).where(inGroup(moduleId, group));
  const taken = new Set(rows.map((r) => r.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, viewNameMaxLength - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The position after the group's last view: a new (or restored, or re-shared) view goes to the end. */
export async function nextViewPosition(tx: Db, moduleId: string, group: ViewOwnership): Promise<number> {
  const [row] = await tx.select({ last: max(views.position) }).from(views).where(inGroup(moduleId, group));
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

/** The group's view ids in switcher order. */
export async function groupViewIds(tx: Db, moduleId: string, group: ViewOwnership): Promise<{ id: string; position: number }[]> {
  return tx.select({ id: views.id, position: views.position }).from(views).where(inGroup(moduleId, group)).orderBy(asc(views.position), asc(views.id));
}

/** The module's configuration, or "module_not_found". */
export async function getModuleOrThrow(db: Db, moduleId: string): Promise<ModuleConfig> {
  try {
    return await getModuleConfigOrThrow(db, moduleId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw notFound("module_not_found");
    throw error;
  }
}
