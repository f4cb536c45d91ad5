import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { createTestDb } from "@/test/db";
import { addField } from "./add-field";
import { addStatus } from "./add-status";
import { archiveField, restoreField } from "./archive-field";
import { archiveModule, restoreModule } from "./archive-module";
import { archiveStatus, restoreStatus } from "./archive-status";
import { createModule } from "./create-module";
import { getModuleConfigOrThrow } from "./get-module-config";
import { listModules } from "./list-modules";
import { renameModule } from "./rename-module";
import { reorderFields } from "./reorder-fields";
import { reorderModules } from "./reorder-modules";
import { reorderStatuses } from "./reorder-statuses";
import { ctxFor, seedActor, seedOrganisation, snapshot } from "./test-fixtures";
import { updateField } from "./update-field";
import { updateStatus } from "./update-status";

const now = new Date("2026-03-02T09:00:00Z");

type Target = { moduleId: string; statusIds: string[]; fieldId: string };

/** Every verb of the module settings, with input that an admin could run (in this order). */
function verbs({ moduleId, statusIds, fieldId }: Target): Record<string, (ctx: Ctx) => Promise<unknown>> {
  return {
    listModules: (ctx) => listModules(ctx),
    createModule: (ctx) => createModule(ctx, { name: "Mine" }),
    renameModule: (ctx) => renameModule(ctx, { moduleId, name: "Renamed" }),
    reorderModules: async (ctx) => reorderModules(ctx, { moduleIds: (await listModules(ctxFor(ctx.db, { ...ctx.actor, role: "admin" }, now))).map((m) => m.id) }),
    archiveModule: (ctx) => archiveModule(ctx, { moduleId }),
    restoreModule: (ctx) => restoreModule(ctx, { moduleId }),
    addStatus: (ctx) => addStatus(ctx, { moduleId, name: "Negotiation" }),
    updateStatus: (ctx) => updateStatus(ctx, { statusId: statusIds[0], name: "Fresh", color: "#000000" }),
    reorderStatuses: async (ctx) => reorderStatuses(ctx, { moduleId, statusIds: (await getModuleConfigOrThrow(ctx.db, moduleId)).statuses.map((s) => s.id).reverse() }),
    archiveStatus: (ctx) => archiveStatus(ctx, { statusId: statusIds[1] }),
    restoreStatus: (ctx) => restoreStatus(ctx, { statusId: statusIds[1] }),
    addField: (ctx) => addField(ctx, { moduleId, name: "Size", type: "select", choices: ["S", "M"] }),
    updateField: (ctx) => updateField(ctx, { fieldId, name: "Budget", required: true }),
    reorderFields: async (ctx) => reorderFields(ctx, { moduleId, fieldIds: (await getModuleConfigOrThrow(ctx.db, moduleId)).fields.map((f) => f.id).reverse() }),
    archiveField: (ctx) => archiveField(ctx, { fieldId }),
    restoreField: (ctx) => restoreField(ctx, { fieldId }),
  };
}

describe("module settings permissions", async () => {
  const db = await createTestDb();
  await seedOrganisation(db);
  const admin = await seedActor(db, "admin");
  const { moduleId, statusIds } = await createModule(ctxFor(db, admin, now), { name: "Sales" });
  const { fieldId } = await addField(ctxFor(db, admin, now), { moduleId, name: "Value", type: "money" });
  const target = { moduleId, statusIds, fieldId };
  const nonAdmins = await Promise.all(roles.filter((r) => r !== "admin").map((role) => seedActor(db, role)));
  const table = Object.keys(verbs(target));

  describe.each(nonAdmins.map((actor) => [actor.role, actor] as const))("a %s", (_role, actor) => {
    it.each(table)("is forbidden to %s, and nothing changes", async (verb) => {
      const before = await snapshot(db);
      await expect(verbs(target)[verb](ctxFor(db, actor, now))).rejects.toMatchObject({ kind: "forbidden", code: "forbidden" });
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it.each(table)("an admin may %s", async (verb) => {
    await expect(verbs(target)[verb](ctxFor(db, admin, now))).resolves.toBeDefined();
  });
});
