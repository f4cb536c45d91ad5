import { z } from "zod";

const id = z.uuid("invalid_input");
/** An optional id from a form: "" means none. */
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());

export const folderName = z.string().trim().min(1, "folder_name_required").max(100, "folder_name_too_long");

export const createFolderSchema = z.object({ moduleId: id, parentId: optionalId, name: folderName });
export const renameFolderSchema = z.object({ folderId: id, name: folderName });
export const folderIdSchema = z.object({ folderId: id });
export const documentIdSchema = z.object({ documentId: id });
export const moduleIdSchema = z.object({ moduleId: id });
export const cardIdSchema = z.object({ cardId: id });

/** Where a document goes: a folder of its module, or (none) the module's top level. */
export const placeDocumentSchema = z.object({ documentId: id, folderId: optionalId });

export const publishDocumentSchema = z.object({
  documentId: id,
  /** "YYYY-MM-DD": the link works through that day (in the organisation's time zone is not needed: end of day UTC+14 is safe); "" = no expiry. */
  expiresOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date("invalid_date").optional()),
});

export const uploadDocumentSchema = z.object({
  moduleId: id,
  folderId: optionalId,
  cardId: optionalId,
  name: z.string().max(2000, "document_name_invalid"),
});
export type UploadDocumentInput = z.input<typeof uploadDocumentSchema>;
