import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { createImport } from "@/lib/import/create-import";
import { startImport } from "@/lib/import/start-import";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { startInstance, until, type Browser } from "@/test/live-instance";
import { publishDocumentChanges } from "./publish-changes";
import { uploadDocument } from "./upload-document";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
async function* bytes(b: Buffer) {
  yield new Uint8Array(b);
}

/** Through the real socket server, as a browser signed in as each role hears it: documents and import events reach exactly who may see them. */
describe("documents.changed and import.progress reach only their audience", async () => {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  const { admin, manager, restricted, otherRestricted } = crm.actors;
  // Romania's Restricted salesperson owns the card: Hungary's Restricted one may not see it.
  const { cardId } = await createCard(ctx(db, admin), { moduleId: crm.module.id, name: "Bucharest offer", ownerId: otherRestricted.id });
  let instance: Awaited<ReturnType<typeof startInstance>>;
  const browsers = new Map<string, Browser>();
  beforeAll(async () => {
    instance = await startInstance(db);
    for (const actor of [admin, manager, restricted, otherRestricted]) browsers.set(actor.id, await instance.signedInBrowser(actor));
  });
  afterAll(() => instance.stop());
  const heard = (actor: Actor, kind: string) => browsers.get(actor.id)!.heard.filter((e) => e.kind === kind);
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("a card's attachment: the card's audience hears it, with the card; a colleague who cannot see the card hears nothing", async () => {
    const change = await uploadDocument(ctx(db, manager), { moduleId: crm.module.id, cardId, name: "offer.pdf" }, bytes(pdf));
    await publishDocumentChanges(db, [change], { io: instance.io });
    await until(() => [admin, manager, otherRestricted].every((a) => heard(a, "documents.changed").length === 1));
    await settle();
    expect(heard(otherRestricted, "documents.changed")[0]).toMatchObject({ kind: "documents.changed", moduleId: crm.module.id, cardId, documentId: change.documentId });
    expect(heard(restricted, "documents.changed")).toEqual([]);
  });

  it("a module's own document: those who manage documents hear it; Restricted salespeople do not", async () => {
    const change = await uploadDocument(ctx(db, manager), { moduleId: crm.module.id, name: "price list.pdf" }, bytes(pdf));
    await publishDocumentChanges(db, [change], { io: instance.io });
    await until(() => [admin, manager].every((a) => heard(a, "documents.changed").length === 2));
    await settle();
    expect(heard(restricted, "documents.changed")).toEqual([]);
    expect(heard(otherRestricted, "documents.changed")).toHaveLength(1); // the attachment's, above
  });

  it("an import's progress goes to its importer alone", async () => {
    const csv = Buffer.from("Name;Company\nAutumn deal;Tisza Kft.\n");
    const { importId } = await createImport(ctx(db, admin), { target: "cards", moduleId: crm.module.id, fileName: "deals.csv", format: "file", source: bytes(csv) });
    await startImport(ctx(db, admin), importId);
    await until(() => heard(admin, "import.progress").length >= 1);
    await settle();
    for (const other of [manager, restricted, otherRestricted]) expect(heard(other, "import.progress")).toEqual([]);
  });
});
