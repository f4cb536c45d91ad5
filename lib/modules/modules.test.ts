import { describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { archiveModule, restoreModule } from "./archive-module";
import { createModule } from "./create-module";
import { getModuleConfigOrThrow } from "./get-module-config";
import { listActiveModules, listModules } from "./list-modules";
import { renameModule } from "./rename-module";
import { reorderModules } from "./reorder-modules";
import { ctxFor, seedActor, seedOrganisation, snapshot } from "./test-fixtures";

const now = new Date("2026-03-02T09:00:00Z");

describe("modules", async () => {
  const db = await createTestDb();
  await seedOrganisation(db, "hu");
  const admin = await seedActor(db, "admin");
  const ctx = ctxFor(db, admin, now);

  it("creates a module with a starter pipeline in the organisation's default language (Hungarian)", async () => {
    const { moduleId, name, statusIds } = await createModule(ctx, { name: "  Értékesítés " });
    expect(name).toBe("Értékesítés");
    const config = await getModuleConfigOrThrow(db, moduleId);
    expect(config).toMatchObject({ id: moduleId, name: "Értékesítés", archived: false, archivedAt: null, createdAt: now, fields: [] });
    expect(config.statuses.map((s) => [s.name, s.group, s.position, s.archived])).toEqual([
      ["Új érdeklődő", "open", 0, false],
      ["Felvettük a kapcsolatot", "open", 1, false],
      ["Ajánlat elküldve", "open", 2, false],
      ["Megnyert", "won", 3, false],
      ["Elvesztett", "lost", 4, false],
    ]);
    expect(config.statuses.map((s) => s.id)).toEqual(statusIds);
    for (const s of config.statuses) expect(s.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("names the starter pipeline in English when that is the organisation's language", async () => {
    const other = await createTestDb();
    await seedOrganisation(other, "en");
    const otherAdmin = await seedActor(other, "admin");
    const { moduleId } = await createModule(ctxFor(other, otherAdmin, now), { name: "Sales" });
    const config = await getModuleConfigOrThrow(other, moduleId);
    expect(config.statuses.map((s) => [s.name, s.group])).toEqual([
      ["New lead", "open"],
      ["Contacted", "open"],
      ["Offer sent", "open"],
      ["Won", "won"],
      ["Lost", "lost"],
    ]);
  });

  it("refuses a name taken in any case, an empty and a too long one, changing nothing", async () => {
    const before = await snapshot(db);
    await expect(createModule(ctx, { name: "ÉRTÉKESÍTÉS" })).rejects.toMatchObject({ kind: "conflict", code: "module_name_taken", fields: { name: "module_name_taken" } });
    await expect(createModule(ctx, { name: "   " })).rejects.toMatchObject({ issues: [{ message: "required", path: ["name"] }] });
    await expect(createModule(ctx, { name: "x".repeat(101) })).rejects.toMatchObject({ issues: [{ message: "too_long" }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("puts new modules last, and reorders them with the full list only", async () => {
    const { moduleId: service } = await createModule(ctx, { name: "Ügyfélszolgálat" });
    const { moduleId: hr } = await createModule(ctx, { name: "HR" });
    const [sales] = await listActiveModules(db);
    expect((await listActiveModules(db)).map((m) => m.name)).toEqual(["Értékesítés", "Ügyfélszolgálat", "HR"]);

    expect(await reorderModules(ctx, { moduleIds: [hr, sales.id, service] })).toEqual({ moduleIds: [hr, sales.id, service] });
    expect((await listActiveModules(db)).map((m) => m.name)).toEqual(["HR", "Értékesítés", "Ügyfélszolgálat"]);

    const before = await snapshot(db);
    await expect(reorderModules(ctx, { moduleIds: [hr, sales.id] })).rejects.toMatchObject({ code: "stale_order" });
    await expect(reorderModules(ctx, { moduleIds: [hr, sales.id, service, hr] })).rejects.toMatchObject({ code: "stale_order" });
    await expect(reorderModules(ctx, { moduleIds: [hr, sales.id, crypto.randomUUID()] })).rejects.toMatchObject({ code: "stale_order" });
    await expect(reorderModules(ctx, { moduleIds: ["nope"] })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames a module, also to a new case of its own name, but not to another module's name", async () => {
    const [first] = await listActiveModules(db);
    expect(await renameModule(ctx, { moduleId: first.id, name: "Toborzás" })).toEqual({ moduleId: first.id, name: "Toborzás", previousName: "HR" });
    await expect(renameModule(ctx, { moduleId: first.id, name: "TOBORZÁS" })).resolves.toMatchObject({ name: "TOBORZÁS" });
    const before = await snapshot(db);
    await expect(renameModule(ctx, { moduleId: first.id, name: "értékesítés" })).rejects.toMatchObject({ code: "module_name_taken" });
    await expect(renameModule(ctx, { moduleId: crypto.randomUUID(), name: "Sehol" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("archives a module out of the navigation, keeps its name taken, and restores it in place", async () => {
    const [first, second] = await listActiveModules(db);
    expect(await archiveModule(ctx, { moduleId: first.id })).toEqual({ moduleId: first.id, changed: true });
    expect(await archiveModule(ctx, { moduleId: first.id })).toEqual({ moduleId: first.id, changed: false });
    expect((await listActiveModules(db)).map((m) => m.id)).not.toContain(first.id);
    expect(await getModuleConfigOrThrow(db, first.id)).toMatchObject({ archived: true, archivedAt: now });
    await expect(createModule(ctx, { name: first.name.toLowerCase() })).rejects.toMatchObject({ code: "module_name_taken" });

    const list = await listModules(ctx);
    expect(list.at(-1)).toMatchObject({ id: first.id, archivedAt: now });
    expect(list[0]).toMatchObject({ id: second.id, statusCount: 5, archivedStatusCount: 0, fieldCount: 0, archivedFieldCount: 0 });

    expect(await restoreModule(ctx, { moduleId: first.id })).toEqual({ moduleId: first.id, changed: true });
    expect(await restoreModule(ctx, { moduleId: first.id })).toEqual({ moduleId: first.id, changed: false });
    expect((await listActiveModules(db))[0].id).toBe(first.id);
    await expect(archiveModule(ctx, { moduleId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found for unknown and malformed module ids", async () => {
    await expect(getModuleConfigOrThrow(db, crypto.randomUUID())).rejects.toMatchObject({ kind: "not_found" });
    await expect(getModuleConfigOrThrow(db, "not-a-uuid")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("lets exactly one of two simultaneous creations of the same name win", async () => {
    const results = await Promise.allSettled([createModule(ctx, { name: "Partnerek" }), createModule(ctx, { name: "partnerek" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "module_name_taken" } });
  });
});
