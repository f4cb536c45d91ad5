import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dataExports, documents, users } from "@/db/schema";
import { createCard } from "@/lib/cards/create-card";
import { putBlob } from "@/lib/documents/storage";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { readZip } from "@/test/read-zip";
import { exportGivenUpAfterMs, listExports } from "./list-exports";
import { exportPageRows } from "./keyset-rows";
import { startFullExport } from "./start-full-export";

const now = new Date("2026-05-04T10:00:00Z");
let db: Db;
let crm: Awaited<ReturnType<typeof seedCrm>>;

async function download(separator: "," | ";", at = now) {
  const result = await startFullExport(ctx(db, crm.actors.admin, at), { separator });
  const chunks: Buffer[] = [];
  for await (const chunk of result.stream) chunks.push(chunk as Buffer);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the record is finished after the last byte
  return { ...result, zip: readZip(Buffer.concat(chunks)), size: Buffer.concat(chunks).length };
}

beforeAll(async () => {
  db = await createTestDb();
  crm = await seedCrm(db);
  await db.update(users).set({ passwordHash: "$argon2id$secret-hash" }).where(eq(users.id, crm.actors.admin.id));
  const admin = ctx(db, crm.actors.admin, now);
  await createCard(admin, {
    moduleId: crm.module.id,
    name: "Árvíztűrő tükörfúrógép",
    values: { [crm.fields.budget.id]: { amount: 1050000, currency: "HUF" }, [crm.fields.source.id]: "fair" },
    newContacts: [{ kind: "company", name: "Őszi Kft.", emails: ["iroda@oszi.hu"] }],
  });
  await createCard(admin, { moduleId: crm.module.id, name: '=HYPERLINK("http://evil")' });
  const blob = await db.transaction((tx) => putBlob(tx, Readable.from([Buffer.from("%PDF-1.4\n% árajánlat\n")]), { now }));
  await db.insert(documents).values({ moduleId: crm.module.id, blobId: blob.id, name: "Árajánlat.pdf", mimeType: blob.mimeType, size: blob.size, publicToken: "public-token-never-exported" });
});

describe("startFullExport", () => {
  it("streams a zip with the module's cards (fields as columns), every table as CSV and JSON, and the documents", async () => {
    const { zip, fileName } = await download(",");
    expect(fileName).toBe("crm-export-2026-05-04.zip");
    const names = [...zip.keys()];
    for (const table of ["contacts", "todos", "history", "emails", "email_templates", "todo_templates", "views", "automations", "automation_steps", "users"]) {
      expect(names).toContain(`csv/${table}.csv`);
      expect(names).toContain(`json/${table}.json`);
    }
    const cardsCsv = zip.get("csv/cards/01 Sales HU.csv")!.toString("utf8");
    expect(cardsCsv.startsWith("\uFEFFid,name,status,owner,contacts,")).toBe(true);
    const header = cardsCsv.slice(1, cardsCsv.indexOf("\r\n")).split(",");
    expect(header).toEqual(expect.arrayContaining(["Budget", "Budget (currency)", "Source", "Website"]));
    expect(header.indexOf("Budget (currency)")).toBe(header.indexOf("Budget") + 1);
    expect(cardsCsv).toContain("Árvíztűrő tükörfúrógép,New lead,admin@test.hu,Őszi Kft.,");
    expect(cardsCsv).toMatch(/,1050000,HUF(,|\r\n)/);
    expect(cardsCsv).toContain(`,"'=HYPERLINK(""http://evil"")",New lead,`); // a formula stays text
    const cardsJson = JSON.parse(zip.get("json/cards/01 Sales HU.json")!.toString("utf8"));
    expect(cardsJson).toContainEqual(expect.objectContaining({ name: "Árvíztűrő tükörfúrógép", status: "New lead", Budget: "1050000", "Budget (currency)": "HUF", Source: "Fair" }));
    expect(zip.get("documents/01 Sales HU/Árajánlat.pdf")!.toString("utf8")).toBe("%PDF-1.4\n% árajánlat\n");
  });

  it("never exports secrets: password hashes, session versions, public links' tokens", async () => {
    const { zip } = await download(",");
    const everything = [...zip.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toContain("secret-hash");
    expect(everything).not.toContain("public-token-never-exported");
    expect(zip.get("csv/users.csv")!.toString("utf8").split("\r\n")[0]).not.toMatch(/password|session/);
    const usersJson = JSON.parse(zip.get("json/users.json")!.toString("utf8"));
    expect(usersJson[0]).not.toHaveProperty("password_hash");
    expect(usersJson.map((u: { email: string }) => u.email)).toContain("admin@test.hu");
  });

  it("writes ';'-separated CSV for Hungarian Excel", async () => {
    const { zip } = await download(";");
    expect(zip.get("csv/cards/01 Sales HU.csv")!.toString("utf8")).toContain("Árvíztűrő tükörfúrógép;New lead;admin@test.hu;Őszi Kft.;");
  });

  it("records each export: who, when, rows and bytes; admins list them", async () => {
    const before = (await listExports(ctx(db, crm.actors.admin, now))).length;
    const { exportId, size } = await download(",", new Date("2026-05-04T11:00:00Z"));
    const [record] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
    expect(record).toMatchObject({ actorId: crm.actors.admin.id, state: "done", bytes: size, separator: "," });
    expect(record.rows).toBeGreaterThan(10);
    const listed = await listExports(ctx(db, crm.actors.admin, now));
    expect(listed).toHaveLength(before + 1);
    expect(listed[0]).toMatchObject({ id: exportId, email: "admin@test.hu", state: "done" });
  });

  it("a download cut off midway is recorded as failed", async () => {
    const { exportId, stream } = await startFullExport(ctx(db, crm.actors.admin, now), { separator: "," });
    await new Promise<void>((resolve) => stream.once("readable", () => resolve()));
    stream.destroy();
    await expect.poll(async () => (await db.select().from(dataExports).where(eq(dataExports.id, exportId)))[0].state).toBe("failed");
  });

  it("an export whose process died (still running hours later) is listed as failed; a recent one as running", async () => {
    const started = new Date("2026-05-04T08:00:00Z");
    const [stale] = await db.insert(dataExports).values({ actorId: crm.actors.admin.id, separator: ",", state: "running", startedAt: started }).returning();
    const state = async (at: Date) => (await listExports(ctx(db, crm.actors.admin, at))).find((e) => e.id === stale.id)!.state;
    expect(await state(new Date(started.getTime() + exportGivenUpAfterMs - 60_000))).toBe("running");
    expect(await state(new Date(started.getTime() + exportGivenUpAfterMs + 60_000))).toBe("failed");
  });

  it("is for admins only, refused before anything is recorded", async () => {
    const count = async () => (await db.select().from(dataExports)).length;
    const before = await count();
    for (const role of ["manager", "normal", "restricted", "groupManagerHu"] as const) {
      await expect(startFullExport(ctx(db, crm.actors[role], now), { separator: "," })).rejects.toMatchObject({ kind: "forbidden" });
      await expect(listExports(ctx(db, crm.actors[role], now))).rejects.toMatchObject({ kind: "forbidden" });
    }
    await expect(startFullExport(ctx(db, crm.actors.admin, now), { separator: "|" as ";" })).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it("pages through a table larger than one keyset page", async () => {
    const rows = Array.from({ length: exportPageRows + 7 }, (_, i) => ({ kind: "person" as const, name: `Person ${i}`, firstName: "P", lastName: String(i) }));
    const { contacts } = await import("@/db/schema");
    for (let i = 0; i < rows.length; i += 1000) await db.insert(contacts).values(rows.slice(i, i + 1000));
    const { zip } = await download(",");
    const lines = zip.get("csv/contacts.csv")!.toString("utf8").trimEnd().split("\r\n");
    expect(lines.length - 1).toBe(exportPageRows + 7 + 1); // + the company of the first card
    expect(JSON.parse(zip.get("json/contacts.json")!.toString("utf8"))).toHaveLength(exportPageRows + 8);
    expect(await text(Readable.from(["ok"]))).toBe("ok");
  });
});
