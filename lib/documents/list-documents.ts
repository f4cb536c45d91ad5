import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { cards, documentFolders, documents, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { displayName } from "@/lib/cards/list-card-users";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { forbidden, invalid } from "@/lib/errors";
import { getLiveFolderOrThrow, getModuleOrThrow } from "./folders";
import { visibleDocumentsCondition } from "./scope";

export type DocumentRow = {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  folderId: string | null;
  folderName: string | null;
  cardId: string | null;
  cardName: string | null;
  published: boolean;
  /** The public link's path, for whoever manages documents (null when not published or not theirs to share). */
  publicPath: string | null;
  publicExpiresAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
};

const listSchema = z.object({
  moduleId: z.uuid("invalid_input"),
  folderId: z.uuid("invalid_input").nullable().default(null),
  /** From the previous page's `nextCursor`. */
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const encodeCursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString("base64url");
function decodeCursor(cursor: string): [string, string] {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof key === "string" && typeof id === "string" && z.uuid().safeParse(id).success) return [key, id];
  } catch {
    // fall through
  }
  throw invalid("invalid_input", { cursor: "invalid_input" });
}

const columns = {
  id: documents.id,
  name: documents.name,
  sortKey: sql<string>`lower(${documents.name})`,
  mimeType: documents.mimeType,
  size: documents.size,
  folderId: documents.folderId,
  folderName: documentFolders.name,
  cardId: documents.cardId,
  cardName: cards.name,
  publicToken: documents.publicToken,
  publicExpiresAt: documents.publicExpiresAt,
  createdAt: documents.createdAt,
  createdById: documents.createdById,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
};

type Raw = {
  id: string;
  name: string;
  sortKey: string;
  mimeType: string;
  size: number;
  folderId: string | null;
  folderName: string | null;
  cardId: string | null;
  cardName: string | null;
  publicToken: string | null;
  publicExpiresAt: Date | null;
  createdAt: Date;
  createdById: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
};

const toRow = (r: Raw, now: Date, sharing: boolean): DocumentRow => ({
  id: r.id,
  name: r.name,
  mimeType: r.mimeType,
  size: r.size,
  folderId: r.folderId,
  folderName: r.folderName,
  cardId: r.cardId,
  cardName: r.cardName,
  published: r.publicToken !== null && (r.publicExpiresAt === null || r.publicExpiresAt > now),
  publicPath: sharing && r.publicToken && (r.publicExpiresAt === null || r.publicExpiresAt > now) ? `/api/public/documents/${r.publicToken}` : null,
  publicExpiresAt: r.publicExpiresAt,
  createdAt: r.createdAt,
  createdByName: r.createdById ? displayName(r) : null,
});

/**
 * One folder's documents (or the module's top level), by name, a keyset page at a time — for the
 * module's Documents page. Only what the actor may see (lib/documents/scope.ts): a group manager
 * finds the module's own documents and their groups' cards' attachments.
 */
export async function listFolderDocuments(ctx: Ctx, raw: z.input<typeof listSchema>): Promise<{ items: DocumentRow[]; nextCursor: string | null }> {
  if (!can(ctx.actor, "documents.manage")) throw forbidden();
  const input = listSchema.parse(raw);
  await getModuleOrThrow(ctx.db, input.moduleId);
  if (input.folderId) await getLiveFolderOrThrow(ctx.db, input.moduleId, input.folderId);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = (await ctx.db
    .select(columns)
    .from(documents)
    .leftJoin(documentFolders, eq(documentFolders.id, documents.folderId))
    .leftJoin(cards, eq(cards.id, documents.cardId))
    .leftJoin(users, eq(users.id, documents.createdById))
    .where(
      and(
        eq(documents.moduleId, input.moduleId),
        input.folderId ? eq(documents.folderId, input.folderId) : isNull(documents.folderId),
        isNull(documents.deletedAt),
        visibleDocumentsCondition(ctx.actor),
        after ? sql`(lower(${documents.name}), ${documents.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`lower(${documents.name})`, asc(documents.id))
    .limit(input.limit + 1)) as Raw[];
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items: items.map((r) => toRow(r, ctx.now, true)), nextCursor: rows.length > input.limit && last ? encodeCursor(last.sortKey, last.id) : null };
}

/** A card's attachments (the card page), newest first: whoever sees the card sees them. */
export async function listCardDocuments(ctx: Ctx, cardId: string): Promise<DocumentRow[]> {
  if (!can(ctx.actor, "documents.view")) throw forbidden();
  const card = await getVisibleCardOrThrow(ctx.db, ctx.actor, cardId);
  const rows = (await ctx.db
    .select(columns)
    .from(documents)
    .leftJoin(documentFolders, eq(documentFolders.id, documents.folderId))
    .leftJoin(cards, eq(cards.id, documents.cardId))
    .leftJoin(users, eq(users.id, documents.createdById))
    .where(and(eq(documents.cardId, card.id), isNull(documents.deletedAt)))
    .orderBy(sql`${documents.createdAt} desc`, asc(documents.id))
    .limit(500)) as Raw[];
  return rows.map((r) => toRow(r, ctx.now, can(ctx.actor, "documents.manage")));
}
