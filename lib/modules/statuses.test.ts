import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { addStatus } from "./add-status";
import { archiveModule, restoreModule } from "./archive-module";
import { archiveStatus, restoreStatus } from "./archive-status";
import { createModule } from "./create-module";
import { getModuleConfigOrThrow } from "./get-module-config";
import { reorderStatuses } from "./reorder-statuses";
import { ctxFor, seedActor, seedOrganisation, snapshot } from "./test-fixtures";
import { updateStatus } from "./update-status";

const now = new Date("2026-03-02T09:00:00Z");

describe("statuses", async () => {
  const db = await createTestDb();
  await seedOrganisation(db, "en");
  const admin = await seedActor(db, "admin");
  const ctx = ctxFor(db, admin, now);
  const { moduleId, statusIds } = await createModule(ctx, { name: "Sales" });
  const names = async () => (await getModuleConfigOrThrow(db, moduleId)).statuses.map((s) => s.name);

  it("adds a status at the end, open by default, with a palette colour unless one is given", async () => {
    const added = await addStatus(ctx, { moduleId, name: " Negotiation " });
    expect(added).toMatchObject({ moduleId, name: "Negotiation", group: "open", position: 5 });
    expect(added.color).toMatch(/^#[0-9a-f]{6}$/);
    const onHold = await addStatus(ctx, { moduleId, name: "On hold", group: "lost", color: "#ABCDEF" });
    expect(onHold).toMatchObject({ group: "lost", color: "#abcdef", position: 6 });
    expect(await names()).toEqual(["New lead", "Contacted", "Offer sent", "Won", "Lost", "Negotiation", "On hold"]);
  });

  it("refuses a name the module already has (any case), a bad colour or group, changing nothing", async () => {
    const before = await snapshot(db);
    await expect(addStatus(ctx, { moduleId, name: "WON" })).rejects.toMatchObject({ code: "status_name_taken", fields: { name: "status_name_taken" } });
    await expect(addStatus(ctx, { moduleId, name: "Blue", color: "blue" })).rejects.toMatchObject({ issues: [{ message: "invalid_color", path: ["color"] }] });
    await expect(addStatus(ctx, { moduleId, name: "Maybe", group: "maybe" as never })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
    await expect(addStatus(ctx, { moduleId, name: "" })).rejects.toMatchObject({ issues: [{ message: "required" }] });
    await expect(addStatus(ctx, { moduleId: crypto.randomUUID(), name: "Lost in space" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames, regroups and recolours a status, keeping what is not given", async () => {
    const [newLead] = statusIds;
    expect(await updateStatus(ctx, { statusId: newLead, name: "Fresh lead" })).toEqual({ statusId: newLead, moduleId, changed: { name: "Fresh lead" } });
    expect(await updateStatus(ctx, { statusId: newLead, name: "Fresh lead", group: "won", color: "#000000" })).toEqual({
      statusId: newLead,
      moduleId,
      changed: { group: "won", color: "#000000" },
    });
    expect(await updateStatus(ctx, { statusId: newLead, name: "FRESH LEAD" })).toMatchObject({ changed: { name: "FRESH LEAD" } });
    const status = (await getModuleConfigOrThrow(db, moduleId)).statuses[0];
    expect(status).toMatchObject({ id: newLead, name: "FRESH LEAD", group: "won", color: "#000000" });

    await updateStatus(ctx, { statusId: newLead, name: "New lead", group: "open" });
    await expect(updateStatus(ctx, { statusId: newLead, name: "contacted" })).rejects.toMatchObject({ code: "status_name_taken" });
    await expect(updateStatus(ctx, { statusId: crypto.randomUUID(), name: "X" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reorders statuses with exactly the module's statuses, archived ones included", async () => {
    const config = await getModuleConfigOrThrow(db, moduleId);
    const ids = config.statuses.map((s) => s.id);
    await archiveStatus(ctx, { statusId: ids[6] });
    const reversed = [...ids].reverse();
    expect(await reorderStatuses(ctx, { moduleId, statusIds: reversed })).toEqual({ moduleId, statusIds: reversed });
    expect(await names()).toEqual(["On hold", "Negotiation", "Lost", "Won", "Offer sent", "Contacted", "New lead"]);

    const before = await snapshot(db);
    await expect(reorderStatuses(ctx, { moduleId, statusIds: reversed.slice(1) })).rejects.toMatchObject({ code: "stale_order" });
    const { moduleId: otherModule, statusIds: otherIds } = await createModule(ctx, { name: "Other" });
    await expect(reorderStatuses(ctx, { moduleId, statusIds: [...reversed.slice(1), otherIds[0]] })).rejects.toMatchObject({ code: "stale_order" });
    await expect(reorderStatuses(ctx, { moduleId: otherModule, statusIds: reversed })).rejects.toMatchObject({ code: "stale_order" });
    expect((await snapshot(db)).statuses.filter((s) => s.moduleId === moduleId)).toEqual(before.statuses);

    await reorderStatuses(ctx, { moduleId, statusIds: ids });
    await restoreStatus(ctx, { statusId: ids[6] });
  });

  it("archives a status without touching its cards, and restores it in place", async () => {
    const offerSent = statusIds[2];
    const [card] = await db.insert(cards).values({ moduleId, statusId: offerSent, name: "Big deal", values: {} }).returning();
    expect(await archiveStatus(ctx, { statusId: offerSent })).toEqual({ statusId: offerSent, moduleId, changed: true });
    expect(await archiveStatus(ctx, { statusId: offerSent })).toEqual({ statusId: offerSent, moduleId, changed: false });

    const config = await getModuleConfigOrThrow(db, moduleId);
    expect(config.statuses[2]).toMatchObject({ id: offerSent, name: "Offer sent", archived: true, archivedAt: now, position: 2 });
    expect((await db.select().from(cards).where(eq(cards.id, card.id)))[0]).toEqual(card);
    await expect(updateStatus(ctx, { statusId: offerSent, name: "Quote sent" })).rejects.toMatchObject({ code: "status_archived" });
    await expect(addStatus(ctx, { moduleId, name: "offer SENT" })).rejects.toMatchObject({ code: "status_name_taken" });

    expect(await restoreStatus(ctx, { statusId: offerSent })).toEqual({ statusId: offerSent, moduleId, changed: true });
    expect((await getModuleConfigOrThrow(db, moduleId)).statuses[2]).toMatchObject({ id: offerSent, archived: false, archivedAt: null });
  });

  it("refuses to archive the last non-archived status of a module", async () => {
    const { moduleId: small, statusIds: ids } = await createModule(ctx, { name: "Small" });
    for (const statusId of ids.slice(1)) await archiveStatus(ctx, { statusId });
    const before = await snapshot(db);
    await expect(archiveStatus(ctx, { statusId: ids[0] })).rejects.toMatchObject({ kind: "invalid", code: "last_status" });
    expect(await snapshot(db)).toEqual(before);
    await restoreStatus(ctx, { statusId: ids[4] });
    await expect(archiveStatus(ctx, { statusId: ids[0] })).resolves.toMatchObject({ changed: true });
    expect((await getModuleConfigOrThrow(db, small)).statuses.filter((s) => !s.archived).map((s) => s.name)).toEqual(["Lost"]);
  });

  it("freezes the pipeline of an archived module until it is restored", async () => {
    await archiveModule(ctx, { moduleId });
    const before = await snapshot(db);
    await expect(addStatus(ctx, { moduleId, name: "Later" })).rejects.toMatchObject({ code: "module_archived" });
    await expect(updateStatus(ctx, { statusId: statusIds[0], name: "Later" })).rejects.toMatchObject({ code: "module_archived" });
    await expect(archiveStatus(ctx, { statusId: statusIds[0] })).rejects.toMatchObject({ code: "module_archived" });
    await expect(reorderStatuses(ctx, { moduleId, statusIds: [] })).rejects.toMatchObject({ code: "module_archived" });
    expect(await snapshot(db)).toEqual(before);
    await restoreModule(ctx, { moduleId });
    await expect(addStatus(ctx, { moduleId, name: "Later" })).resolves.toMatchObject({ name: "Later" });
  });
});
