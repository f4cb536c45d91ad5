import { and, eq, isNull, sql } from "drizzle-orm";
import { documentFolders } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { createFolderSchema, renameFolderSchema } from "./document-input";
import { getLiveFolderOrThrow, getModuleOrThrow } from "./folders";

/** Two live folders side by side never share a name (case-insensitively). */
async function assertNameFree(ctx: Ctx, moduleId: string, parentId: string | null, name: string, except?: string) {
  const [clash] = await ctx.db
    .select({ id: documentFolders.id })
    .from(documentFolders)
    .where(
      and(
        eq(documentFolders.moduleId, moduleId),
        parentId ? eq(documentFolders.parentId, parentId) : isNull(documentFolders.parentId),
        isNull(documentFolders.deletedAt),
        sql`lower(${documentFolders.name}) = lower(${name})`,
        except ? sql`${documentFolders.id} <> ${except}` : undefined,
      ),
    );
  if (clash) throw conflict("folder_name_taken", { name: "folder_name_taken" });
}

/** A new folder at the module's top level, or inside a top-level folder (one level of nesting). */
export async function createFolder(ctx: Ctx, raw: { moduleId: string; parentId?: string | null; name: string }) {
  if (!can(ctx.actor, "documents.manage")) throw forbidden();
  const input = createFolderSchema.parse(raw);
  await getModuleOrThrow(ctx.db, input.moduleId, { live: true });
  if (input.parentId) {
    const parent = await getLiveFolderOrThrow(ctx.db, input.moduleId, input.parentId);
    if (parent.parentId) throw invalid("folder_too_deep", { parentId: "folder_too_deep" });
  }
  await assertNameFree(ctx, input.moduleId, input.parentId ?? null, input.name);
  const [folder] = await ctx.db
    .insert(documentFolders)
    .values({ moduleId: input.moduleId, parentId: input.parentId ?? null, name: input.name, createdById: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
    .returning({ id: documentFolders.id });
  return { folderId: folder.id, moduleId: input.moduleId };
}

export async function renameFolder(ctx: Ctx, raw: { folderId: string; name: string }) {
  if (!can(ctx.actor, "documents.manage")) throw forbidden();
  const input = renameFolderSchema.parse(raw);
  const [folder] = await ctx.db.select().from(documentFolders).where(and(eq(documentFolders.id, input.folderId), isNull(documentFolders.deletedAt)));
  if (!folder) throw notFound("folder_not_found");
  await assertNameFree(ctx, folder.moduleId, folder.parentId, input.name, folder.id);
  await ctx.db.update(documentFolders).set({ name: input.name, updatedAt: ctx.now }).where(eq(documentFolders.id, folder.id));
  return { folderId: folder.id, moduleId: folder.moduleId };
}
