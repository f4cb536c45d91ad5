import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { blobChunks, documents, history } from "@/db/schema";
import { createCard } from "@/lib/cards/create-card";
import { trashCard } from "@/lib/cards/trash-card";
import { listTrashedDocuments, listTrashedFolders } from "@/lib/trash/list-trash";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { copyDocument } from "./copy-document";
import { createFolder, renameFolder } from "./create-folder";
import { cleanDocumentName } from "./document-name";
import { listCardDocuments, listFolderDocuments } from "./list-documents";
import { moveDocument } from "./move-document";
import { openDocument, openPublicDocument } from "./open-document";
import { publishDocument, revokePublicLink } from "./publish-document";
import { chunkBytes, readBlobBuffer } from "./storage";
import { restoreDocument, trashDocument } from "./trash-document";
import { restoreFolder, trashFolder } from "./trash-folder";
import { uploadDocument } from "./upload-document";

const at = (minute: number) => new Date(Date.UTC(2026, 4, 4, 10, minute));
async function* bytes(...parts: Uint8Array[]) {
  for (const part of parts) yield part;
}
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("documents", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let cardOfRestricted: string;
  let cardOfOther: string;

  beforeAll(async () => {
    crm = await seedCrm(db);
    const { admin, restricted, otherRestricted } = crm.actors;
    cardOfRestricted = (await createCard(ctx(db, admin, at(0)), { moduleId: crm.module.id, name: "Mine", ownerId: restricted.id })).cardId;
    cardOfOther = (await createCard(ctx(db, admin, at(0)), { moduleId: crm.module.id, name: "Theirs", ownerId: otherRestricted.id })).cardId;
  });

  const upload = (actor = crm.actors.manager, input: Partial<Parameters<typeof uploadDocument>[1]> = {}, body: AsyncIterable<Uint8Array> = bytes(pdf), maxBytes?: number) =>
    uploadDocument(ctx(db, actor, at(1)), { moduleId: crm.module.id, name: "offer.pdf", ...input }, body, maxBytes ? { maxBytes } : undefined);

  it("stores a multi-chunk file and reads it back byte for byte, typed by its content", async () => {
    const big = Buffer.alloc(chunkBytes * 2 + 1234);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    const head = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), big]);
    const { documentId } = await upload(crm.actors.manager, { name: "photo.exe" }, bytes(head.subarray(0, 1000), head.subarray(1000)));
    const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({ mimeType: "image/png", size: head.length, name: "photo.exe" });
    expect(await db.$count(blobChunks, eq(blobChunks.blobId, doc.blobId))).toBe(3);
    expect((await readBlobBuffer(db, doc.blobId)).equals(head)).toBe(true);
  });

  it("refuses a file over the limit (counted as it streams) and an empty one, keeping nothing", async () => {
    const before = await db.$count(documents);
    await expect(upload(crm.actors.manager, {}, bytes(Buffer.alloc(600), Buffer.alloc(600)), 1000)).rejects.toMatchObject({ code: "file_too_large" });
    await expect(upload(crm.actors.manager, {}, bytes())).rejects.toMatchObject({ code: "file_empty" });
    expect(await db.$count(documents)).toBe(before);
  });

  it("cleans names: no path, no control characters, at most 200 characters keeping the extension", async () => {
    expect(cleanDocumentName("../../etc/passwd")).toBe("passwd");
    expect(cleanDocumentName("C:\\Users\\a\\report.pdf")).toBe("report.pdf");
    expect(cleanDocumentName("bad\u0000na\u202eme\r\n.txt")).toBe("badname.txt");
    const long = cleanDocumentName(`${"á".repeat(300)}.pdf`);
    expect([...long]).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
    for (const bad of ["..", "../", "  ", "\u0001"]) expect(() => cleanDocumentName(bad)).toThrow("document_name_invalid");
    const { documentId } = await upload(crm.actors.manager, { name: "../../etc/passwd" });
    expect((await db.select().from(documents).where(eq(documents.id, documentId)))[0].name).toBe("passwd");
  });

  it("nests folders one level, refuses a clash and a second level", async () => {
    const m = ctx(db, crm.actors.manager, at(2));
    const top = await createFolder(m, { moduleId: crm.module.id, name: "Contracts" });
    const sub = await createFolder(m, { moduleId: crm.module.id, parentId: top.folderId, name: "2026" });
    await expect(createFolder(m, { moduleId: crm.module.id, parentId: sub.folderId, name: "Q1" })).rejects.toMatchObject({ code: "folder_too_deep" });
    await expect(createFolder(m, { moduleId: crm.module.id, name: "contracts" })).rejects.toMatchObject({ code: "folder_name_taken" });
    await renameFolder(m, { folderId: sub.folderId, name: "Year 2026" });
    await expect(createFolder(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "X" })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("scopes documents like cards, for every role, by list and by id", async () => {
    const { admin, manager, normal, restricted, otherRestricted, groupManagerHu, groupRestrictedRo } = crm.actors;
    const own = await upload(manager, { name: "module.pdf" });
    const mine = await upload(restricted, { cardId: cardOfRestricted, name: "mine.pdf" });
    const theirs = await upload(otherRestricted, { cardId: cardOfOther, name: "theirs.pdf" });
    const sees = async (actor: typeof admin, id: string) =>
      openDocument(ctx(db, actor), id).then(
        () => true,
        (e) => (e.kind === "not_found" ? false : Promise.reject(e)),
      );
    const table: [typeof admin, boolean, boolean, boolean][] = [
      [admin, true, true, true],
      [manager, true, true, true],
      [normal, true, true, true],
      [groupManagerHu, true, true, false], // hu group: the restricted user is a member; the other is in ro
      [restricted, false, true, false],
      [otherRestricted, false, false, true],
      [groupRestrictedRo, false, false, true],
    ];
    for (const [actor, ownDoc, mineDoc, theirsDoc] of table) {
      expect([actor.role, await sees(actor, own.documentId), await sees(actor, mine.documentId), await sees(actor, theirs.documentId)]).toEqual([actor.role, ownDoc, mineDoc, theirsDoc]);
    }
    await expect(listCardDocuments(ctx(db, restricted), cardOfOther)).rejects.toMatchObject({ kind: "not_found" });
    expect((await listCardDocuments(ctx(db, restricted), cardOfRestricted)).map((d) => d.name)).toEqual(["mine.pdf"]);
    await expect(upload(restricted, { cardId: cardOfOther })).rejects.toMatchObject({ kind: "not_found" });
    await expect(upload(restricted, {})).rejects.toMatchObject({ kind: "forbidden" });
    const gmList = await listFolderDocuments(ctx(db, groupManagerHu), { moduleId: crm.module.id });
    expect(gmList.items.map((d) => d.name)).toContain("mine.pdf");
    expect(gmList.items.map((d) => d.name)).not.toContain("theirs.pdf");
    const added = (await db.select().from(history).where(eq(history.cardId, cardOfRestricted))).find((h) => h.kind === "document_added");
    expect(added).toMatchObject({ kind: "document_added", actorId: restricted.id, data: { documentId: mine.documentId, name: "mine.pdf" } });
    // The card goes to the trash: its documents go out of sight with it, public link included.
    await publishDocument(ctx(db, manager), { documentId: theirs.documentId });
    const [row] = await db.select().from(documents).where(eq(documents.id, theirs.documentId));
    await trashCard(ctx(db, admin, at(3)), { cardId: cardOfOther });
    expect(await sees(admin, theirs.documentId)).toBe(false);
    await expect(openPublicDocument(db, row.publicToken!, at(4))).rejects.toMatchObject({ kind: "not_found" });
  });

  it("publishes with an expiry and revokes; a guessed token finds nothing", async () => {
    const m = ctx(db, crm.actors.manager, at(5));
    const { documentId } = await upload(crm.actors.manager, { name: "price list.pdf" });
    const first = await publishDocument(m, { documentId, expiresOn: "2026-05-10" });
    expect(first.token.length).toBeGreaterThanOrEqual(43);
    expect(first.expiresAt).toEqual(new Date("2026-05-10T22:00:00Z")); // the end of that day in Budapest
    expect((await openPublicDocument(db, first.token, new Date("2026-05-10T21:59:00Z"))).id).toBe(documentId);
    await expect(openPublicDocument(db, first.token, new Date("2026-05-10T22:00:00Z"))).rejects.toMatchObject({ kind: "not_found" });
    await expect(publishDocument(m, { documentId, expiresOn: "2026-05-01" })).rejects.toMatchObject({ code: "expiry_in_past" });
    const second = await publishDocument(m, { documentId });
    await expect(openPublicDocument(db, first.token, at(6))).rejects.toMatchObject({ kind: "not_found" });
    expect((await openPublicDocument(db, second.token, at(6))).id).toBe(documentId);
    await revokePublicLink(m, { documentId });
    await expect(openPublicDocument(db, second.token, at(6))).rejects.toMatchObject({ kind: "not_found" });
    await expect(openPublicDocument(db, "A".repeat(43), at(6))).rejects.toMatchObject({ kind: "not_found" });
    await expect(publishDocument(ctx(db, crm.actors.normal), { documentId })).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("moves and copies between folders (a copy shares the bytes), trashes and restores", async () => {
    const m = ctx(db, crm.actors.manager, at(7));
    const a = await createFolder(m, { moduleId: crm.module.id, name: "A" });
    const b = await createFolder(m, { moduleId: crm.module.id, name: "B" });
    const { documentId } = await upload(crm.actors.manager, { folderId: a.folderId, name: "plan.pdf" });
    await moveDocument(m, { documentId, folderId: b.folderId });
    expect((await listFolderDocuments(m, { moduleId: crm.module.id, folderId: b.folderId })).items.map((d) => d.name)).toEqual(["plan.pdf"]);
    expect((await listFolderDocuments(m, { moduleId: crm.module.id, folderId: a.folderId })).items).toEqual([]);
    const copy = await copyDocument(m, { documentId, folderId: a.folderId });
    const [orig, dup] = await Promise.all([documentId, copy.documentId].map(async (id) => (await db.select().from(documents).where(eq(documents.id, id)))[0]));
    expect(dup).toMatchObject({ folderId: a.folderId, blobId: orig.blobId, name: "plan.pdf" });

    await trashDocument(m, { documentId: copy.documentId });
    expect((await listFolderDocuments(m, { moduleId: crm.module.id, folderId: a.folderId })).items).toEqual([]);
    expect((await listTrashedDocuments(db, crm.actors.manager)).items.map((d) => d.id)).toContain(copy.documentId);
    await expect(listTrashedDocuments(db, crm.actors.normal)).rejects.toMatchObject({ kind: "forbidden" });
    await restoreDocument(m, { documentId: copy.documentId });
    expect((await listFolderDocuments(m, { moduleId: crm.module.id, folderId: a.folderId })).items.map((d) => d.id)).toEqual([copy.documentId]);

    // A folder goes to the trash with what it holds, and comes back with exactly that.
    const sub = await createFolder(m, { moduleId: crm.module.id, parentId: b.folderId, name: "Inner" });
    const inner = await upload(crm.actors.manager, { folderId: sub.folderId, name: "inner.pdf" });
    const earlier = await upload(crm.actors.manager, { folderId: b.folderId, name: "gone.pdf" });
    await trashDocument(ctx(db, crm.actors.manager, at(8)), { documentId: earlier.documentId });
    await trashFolder(ctx(db, crm.actors.manager, at(9)), { folderId: b.folderId });
    await expect(openDocument(m, documentId)).rejects.toMatchObject({ kind: "not_found" });
    expect((await listTrashedFolders(db, crm.actors.manager)).items.map((f) => f.name)).toEqual(expect.arrayContaining(["B", "Inner"]));
    await expect(restoreFolder(m, { folderId: sub.folderId })).rejects.toMatchObject({ code: "folder_parent_trashed" });
    await restoreFolder(m, { folderId: b.folderId });
    expect((await openDocument(m, documentId)).id).toBe(documentId);
    expect((await openDocument(m, inner.documentId)).id).toBe(inner.documentId);
    await expect(openDocument(m, earlier.documentId)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("a card's attachment is taken off by whoever may attach, with history", async () => {
    const { restricted } = crm.actors;
    const att = await upload(restricted, { cardId: cardOfRestricted, name: "signed.pdf" });
    await trashDocument(ctx(db, restricted, at(10)), { documentId: att.documentId });
    const entries = await db.select().from(history).where(eq(history.cardId, cardOfRestricted));
    expect(entries.map((e) => e.kind)).toContain("document_removed");
    await expect(restoreDocument(ctx(db, restricted), { documentId: att.documentId })).rejects.toMatchObject({ kind: "forbidden" });
  });
});
