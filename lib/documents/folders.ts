import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentFolders, modules } from "@/db/schema";
import { notFound } from "@/lib/errors";

export type Folder = { id: string; parentId: string | null; name: string };

/** A module that exists (archived ones keep their documents readable, but take no new ones: see `live`). */
export async function getModuleOrThrow(db: Db, moduleId: string, { live = false } = {}) {
  const [module] = await db.select({ id: modules.id, name: modules.name, archivedAt: modules.archivedAt }).from(modules).where(eq(modules.id, moduleId));
  if (!module || (live && module.archivedAt)) throw notFound("module_not_found");
  return module;
}

/** A live folder of this module, or NotFound. */
export async function getLiveFolderOrThrow(db: Db, moduleId: string, folderId: string) {
  const [folder] = await db
    .select()
    .from(documentFolders)
    .where(and(eq(documentFolders.id, folderId), eq(documentFolders.moduleId, moduleId), isNull(documentFolders.deletedAt)));
  if (!folder) throw notFound("folder_not_found");
  return folder;
}

/** A module's live folders, top-level ones first by name, each followed by its subfolders. */
export async function listFolders(db: Db, moduleId: string): Promise<Folder[]> {
  const rows = await db
    .select({ id: documentFolders.id, parentId: documentFolders.parentId, name: documentFolders.name })
    .from(documentFolders)
    .where(and(eq(documentFolders.moduleId, moduleId), isNull(documentFolders.deletedAt)))
    .orderBy(sql`lower(${documentFolders.name})`, asc(documentFolders.id));
  const top = rows.filter((f) => !f.parentId || !rows.some((p) => p.id === f.parentId));
  return top.flatMap((f) => [f, ...rows.filter((c) => c.parentId === f.id)]);
}
