import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { cards } from "./cards";
import { modules } from "./modules";
import { users } from "./users";

/**
 * A file's bytes, stored in the database in chunks (lib/documents/storage.ts): every instance sees
 * them and every database backup holds them. Written once, never changed; documents share a blob when
 * copied. Import sources are blobs too.
 */
export const blobs = pgTable("blobs", {
  id: uuid().primaryKey().defaultRandom(),
  size: bigint({ mode: "number" }).notNull(),
  /** Detected from the bytes, never from the name or the browser's claim. */
  mimeType: text().notNull(),
  /** Hex SHA-256 of the bytes. */
  sha256: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const blobChunks = pgTable(
  "blob_chunks",
  {
    blobId: uuid()
      .notNull()
      .references(() => blobs.id, { onDelete: "cascade" }),
    /** 0-based; chunks of lib/documents/storage.ts chunkBytes, the last one shorter. */
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

/** A module's folders; `parentId` nests them (the UI offers one level below the top). */
export const documentFolders = pgTable(
  "document_folders",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    parentId: uuid().references((): AnyPgColumn => documentFolders.id),
    name: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [index("document_folders_module_idx").on(t.moduleId, t.parentId).where(sql`${t.deletedAt} is null`)],
);

/**
 * A document of a module, in a folder (null: the module's top level), optionally attached to a card —
 * then it is scoped like that card (lib/cards/scope.ts). Trashed like cards (SPEC §11).
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    folderId: uuid().references(() => documentFolders.id),
    cardId: uuid().references(() => cards.id),
    blobId: uuid()
      .notNull()
      .references(() => blobs.id),
    /** Cleaned on the way in (lib/documents/document-name.ts): no path, no control characters, ≤ 200 characters. */
    name: text().notNull(),
    mimeType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    /** The public link's token (≥ 128 bits, base64url); null when the document is not published. */
    publicToken: text(),
    publicExpiresAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("documents_module_folder_idx").on(t.moduleId, t.folderId, sql`lower(${t.name})`, t.id).where(sql`${t.deletedAt} is null`),
    index("documents_card_idx").on(t.cardId).where(sql`${t.cardId} is not null`),
    uniqueIndex("documents_public_token_idx").on(t.publicToken),
    index("documents_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);
