import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { fields, modules, statuses, views } from "@/db/schema";
import { listTrashedViews } from "@/lib/trash/list-trash";
import type { Actor } from "@/lib/auth/permissions";
import { seedActor } from "@/lib/modules/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createView } from "./create-view";
import { emptyViewDefinition, type ViewDefinition, type ViewNode } from "./definition";
import { duplicateView } from "./duplicate-view";
import { getViewOrThrow } from "./get-view-or-throw";
import { listViews } from "./list-views";
import { reorderViews } from "./reorder-views";
import { restoreView } from "./restore-view";
import { refusal, seedView } from "./test-fixtures";
import { trashView } from "./trash-view";
import { updateView } from "./update-view";

const withFilter = (...conditions: unknown[]) => ({ ...emptyViewDefinition(), filter: { on: "group", join: "and", conditions } });

describe("views: storage, names, order, trash", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let other: { moduleId: string; fieldId: string; statusId: string };
  let colleague: Actor;
  beforeAll(async () => {
    crm = await seedCrm(db);
    colleague = await seedActor(db, "normal", "colleague@test.hu");
    const [m] = await db.insert(modules).values({ name: "Service" }).returning();
    const [s] = await db.insert(statuses).values({ moduleId: m.id, name: "Open", position: 0 }).returning();
    const [f] = await db.insert(fields).values({ moduleId: m.id, name: "Budget", type: "money" }).returning();
    other = { moduleId: m.id, fieldId: f.id, statusId: s.id };
  });
  const moduleId = () => crm.module.id;
  const create = (actor: Actor, name: string, definition: unknown = emptyViewDefinition(), shared = false) =>
    createView(ctx(db, actor), { moduleId: moduleId(), name, shared, definition });
  const viewCount = async () => (await db.select({ id: views.id }).from(views)).length;

  describe("bad input: a clear code, and nothing saved", () => {
    const cases: [string, () => unknown, { code: string; fields?: Record<string, string> }][] = [
      ["a field of another module", () => withFilter({ on: "field", fieldId: other.fieldId, op: "gt", number: 5 }), { code: "invalid_input", fields: { "filter.conditions.0.fieldId": "view_unknown_field" } }],
      ["an unknown operator", () => withFilter({ on: "status", op: "sounds_like", statusIds: [crm.statuses.lead.id] }), { code: "view_unknown_operator" }],
      ["an unknown kind of condition", () => withFilter({ on: "weather", op: "sunny" }), { code: "view_unknown_condition" }],
      ["text for a number", () => withFilter({ on: "field", fieldId: crm.fields.budget.id, op: "gt", number: "lots" }), { code: "invalid_number", fields: { "filter.conditions.0.number": "invalid_number" } }],
      ["2026-02-30", () => withFilter({ on: "date", column: "created", op: "before", date: "2026-02-30" }), { code: "invalid_date", fields: { "filter.conditions.0.date": "invalid_date" } }],
      ["an operator that does not fit the field", () => withFilter({ on: "field", fieldId: crm.fields.budget.id, op: "contains", text: "100" }), { code: "invalid_input", fields: { "filter.conditions.0.op": "view_operator_mismatch" } }],
      ["a choice not in the field", () => withFilter({ on: "field", fieldId: crm.fields.source.id, op: "any_of", choiceIds: ["web", "tv"] }), { code: "invalid_input", fields: { "filter.conditions.0.choiceIds.1": "invalid_choice" } }],
      ["a status of another module, deep in a group", () => withFilter({ on: "group", join: "or", conditions: [{ on: "todo", op: "overdue" }, { on: "status", op: "any_of", statusIds: [other.statusId] }] }), { code: "invalid_input", fields: { "filter.conditions.0.conditions.1.statusIds.0": "invalid_status" } }],
      ["an unknown column, a sort on an unsortable field", () => ({ ...emptyViewDefinition(), columns: [crm.fields.website.id, other.fieldId], sort: { by: "field", fieldId: crm.fields.source.id, direction: "asc" } }), { code: "invalid_input", fields: { "columns.1": "view_unknown_field", "sort.fieldId": "view_unsortable_field" } }],
      ["a duplicate column", () => ({ ...emptyViewDefinition(), columns: [crm.fields.website.id, crm.fields.website.id] }), { code: "view_duplicate_column" }],
      ["200 conditions", () => withFilter(...Array.from({ length: 200 }, () => ({ on: "todo", op: "overdue" }))), { code: "view_too_many_conditions" }],
      ["conditions spread over groups, 101 in all", () => withFilter(...Array.from({ length: 2 }, (_, i) => ({ on: "group", join: "or", conditions: Array.from({ length: 50 + i }, () => ({ on: "todo", op: "overdue" })) }))), { code: "view_too_many_conditions" }],
      ["nesting 20 deep", () => {
        let node: ViewNode = { on: "todo", op: "overdue" };
        for (let i = 0; i < 20; i++) node = { on: "group", join: "and", conditions: [node] };
        return { ...emptyViewDefinition(), filter: node };
      }, { code: "view_too_deep" }],
      ["a newer schema version", () => ({ ...emptyViewDefinition(), version: 2 }), { code: "view_version_unknown" }],
    ];
    for (const [what, definition, want] of cases) {
      it(what, async () => {
        const before = await viewCount();
        const got = await refusal(create(crm.actors.manager, `Bad: ${what}`, definition()));
        expect(got.code).toBe(want.code);
        if (want.fields) expect(got.fields).toEqual(want.fields);
        expect(await viewCount()).toBe(before);
      });
    }

    it("a name empty, too long; a module that does not exist", async () => {
      expect(await refusal(create(crm.actors.normal, "   "))).toMatchObject({ code: "required", fields: { name: "required" } });
      expect(await refusal(create(crm.actors.normal, "x".repeat(81)))).toMatchObject({ code: "too_long" });
      expect(await refusal(createView(ctx(db, crm.actors.normal), { moduleId: crypto.randomUUID(), name: "Lost", definition: emptyViewDefinition() }))).toMatchObject({
        kind: "not_found",
        code: "module_not_found",
      });
    });

    it("a view id of another module, someone else's private view: not found, whatever the verb", async () => {
      const elsewhere = await seedView(db, { moduleId: other.moduleId, createdById: crm.actors.normal.id, shared: true, name: "Service queue" });
      const hidden = await seedView(db, { moduleId: moduleId(), createdById: colleague.id, name: "Colleague's own" });
      const normal = ctx(db, crm.actors.normal);
      await expect(getViewOrThrow(db, crm.actors.normal, moduleId(), elsewhere)).rejects.toMatchObject({ kind: "not_found", code: "view_not_found" });
      await expect(getViewOrThrow(db, crm.actors.normal, moduleId(), "not-a-uuid")).rejects.toMatchObject({ code: "view_not_found" });
      for (const viewId of [hidden]) {
        await expect(getViewOrThrow(db, crm.actors.admin, moduleId(), viewId)).rejects.toMatchObject({ code: "view_not_found" });
        await expect(updateView(ctx(db, crm.actors.admin), { viewId, version: 1, name: "Mine now" })).rejects.toMatchObject({ code: "view_not_found" });
      }
      await expect(updateView(normal, { viewId: elsewhere, moduleId: moduleId(), version: 1, name: "Moved" })).rejects.toMatchObject({ code: "view_not_found" });
      await expect(trashView(normal, { viewId: elsewhere, moduleId: moduleId() })).rejects.toMatchObject({ code: "view_not_found" });
      await expect(duplicateView(normal, { viewId: elsewhere, moduleId: moduleId(), name: "Copy" })).rejects.toMatchObject({ code: "view_not_found" });
      await expect(reorderViews(normal, { viewId: elsewhere, moduleId: moduleId(), to: 0 })).rejects.toMatchObject({ code: "view_not_found" });
      const [row] = await db.select().from(views).where(eq(views.id, hidden));
      expect(row).toMatchObject({ name: "Colleague's own", version: 1, deletedAt: null });
    });

    it("a Normal user editing a colleague's shared view: forbidden, nothing saved", async () => {
      const viewId = await seedView(db, { moduleId: moduleId(), createdById: colleague.id, shared: true, name: "Team board" });
      const normal = ctx(db, crm.actors.normal);
      expect(await refusal(updateView(normal, { viewId, version: 1, definition: withFilter({ on: "todo", op: "overdue" }) }))).toMatchObject({ kind: "forbidden", code: "forbidden" });
      expect(await refusal(updateView(normal, { viewId, version: 1, name: "Mine" }))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(trashView(normal, { viewId }))).toMatchObject({ kind: "forbidden" });
      const [row] = await db.select().from(views).where(eq(views.id, viewId));
      expect(row).toMatchObject({ name: "Team board", version: 1, deletedAt: null, definition: emptyViewDefinition() });
    });
  });

  describe("archived fields and statuses", () => {
    it("are refused in a new condition, kept where the stored view already had them", async () => {
      const [oldField] = await db.insert(fields).values({ moduleId: moduleId(), name: "Legacy score", type: "number", archivedAt: new Date("2026-01-01") }).returning();
      const [oldStatus] = await db.insert(statuses).values({ moduleId: moduleId(), name: "Old step", position: 9, archivedAt: new Date("2026-01-01") }).returning();
      const onArchived = withFilter({ on: "field", fieldId: oldField.id, op: "gt", number: 3 }, { on: "status", op: "none_of", statusIds: [oldStatus.id] });
      expect((await refusal(create(crm.actors.manager, "Archived refs", onArchived))).fields).toEqual({
        "filter.conditions.0.fieldId": "field_archived",
        "filter.conditions.1.statusIds.0": "status_archived",
      });
      // Written before the field and status were archived (as it happens), then edited: still accepted.
      const viewId = await seedView(db, { moduleId: moduleId(), createdById: crm.actors.manager.id, name: "Legacy", definition: onArchived as ViewDefinition });
      const edited = withFilter({ on: "field", fieldId: oldField.id, op: "lt", number: 10 }, { on: "status", op: "any_of", statusIds: [oldStatus.id] });
      const result = await updateView(ctx(db, crm.actors.manager), { viewId, version: 1, definition: edited });
      expect(result.version).toBe(2);
      expect((await getViewOrThrow(db, crm.actors.manager, moduleId(), viewId)).definition.filter).toEqual(edited.filter);
      // …and as a column too (the view already uses it), but not another archived field it never used.
      const [otherOld] = await db.insert(fields).values({ moduleId: moduleId(), name: "Legacy rank", type: "number", archivedAt: new Date("2026-01-01") }).returning();
      const columns = [oldField.id, crm.fields.budget.id, otherOld.id];
      expect((await refusal(updateView(ctx(db, crm.actors.manager), { viewId, version: 2, definition: { ...edited, columns } }))).fields).toEqual({ "columns.2": "field_archived" });
    });
  });

  it("stores what was checked, with the defaults filled in, and gives it back parsed", async () => {
    const raw = { version: 1, filter: { on: "group", join: "or", conditions: [{ on: "owner", op: "me" }, { on: "field", fieldId: crm.fields.budget.id, op: "between", min: "100000", max: 500000 }] }, columns: [crm.fields.budget.id] };
    const { viewId, version } = await create(crm.actors.manager, "Big deals", raw, true);
    expect(version).toBe(1);
    const view = await getViewOrThrow(db, crm.actors.normal, moduleId(), viewId);
    expect(view).toMatchObject({ name: "Big deals", shared: true, canEdit: false, createdById: crm.actors.manager.id });
    expect(view.definition).toEqual({ ...raw, filter: { ...raw.filter, conditions: [raw.filter.conditions[0], { ...raw.filter.conditions[1], min: 100000 }] }, sort: { by: "deadline" } });
  });

  describe("names", () => {
    it("are unique among the module's shared views and among each creator's private views, whatever the case", async () => {
      await create(crm.actors.manager, "Hot leads", emptyViewDefinition(), true);
      expect(await refusal(create(crm.actors.normal, "HOT LEADS ", emptyViewDefinition(), true))).toMatchObject({ kind: "conflict", code: "view_name_taken", fields: { name: "view_name_taken" } });
      // A private view may be called like a shared one; two people may each have their own.
      await create(crm.actors.normal, "hot leads");
      await create(colleague, "Hot Leads");
      expect(await refusal(create(crm.actors.normal, "Hot leads"))).toMatchObject({ code: "view_name_taken" });
      // Another module has its own names.
      await createView(ctx(db, crm.actors.manager), { moduleId: other.moduleId, name: "Hot leads", shared: true, definition: emptyViewDefinition() });
    });

    it("a rename checks them too; a change of case is fine; a trashed view's name is free", async () => {
      const a = await create(crm.actors.normal, "Alpha");
      const b = await create(crm.actors.normal, "Beta");
      expect(await refusal(updateView(ctx(db, crm.actors.normal), { viewId: b.viewId, version: 1, name: "alpha" }))).toMatchObject({ code: "view_name_taken" });
      expect((await updateView(ctx(db, crm.actors.normal), { viewId: a.viewId, version: 1, name: "ALPHA" })).version).toBe(2);
      await trashView(ctx(db, crm.actors.normal), { viewId: a.viewId });
      expect((await updateView(ctx(db, crm.actors.normal), { viewId: b.viewId, version: 1, name: "Alpha" })).version).toBe(2);
    });

    it("sharing a private view checks the shared names", async () => {
      await create(crm.actors.manager, "Renewals", emptyViewDefinition(), true);
      const mine = await create(crm.actors.normal, "Renewals");
      expect(await refusal(updateView(ctx(db, crm.actors.normal), { viewId: mine.viewId, version: 1, shared: true }))).toMatchObject({ code: "view_name_taken" });
    });
  });

  it("a stale version is 'view_changed', and nothing is saved", async () => {
    const { viewId } = await create(crm.actors.manager, "Pipeline", emptyViewDefinition(), true);
    await updateView(ctx(db, crm.actors.manager), { viewId, version: 1, definition: { ...emptyViewDefinition(), sort: { by: "name" } } });
    // The admin's editor opened version 1.
    const stale = await refusal(updateView(ctx(db, crm.actors.admin), { viewId, version: 1, name: "Admin's pipeline", definition: emptyViewDefinition() }));
    expect(stale).toMatchObject({ kind: "conflict", code: "view_changed" });
    const view = await getViewOrThrow(db, crm.actors.admin, moduleId(), viewId);
    expect(view).toMatchObject({ name: "Pipeline", version: 2, canEdit: true });
    expect(view.definition.sort).toEqual({ by: "name" });
    // Nothing to change: no new version.
    expect((await updateView(ctx(db, crm.actors.admin), { viewId, version: 2, name: "Pipeline" })).version).toBe(2);
  });

  describe("the switcher's order", () => {
    it("shared views first, then mine; each group in its own order; a new view goes last", async () => {
      const [m] = await db.insert(modules).values({ name: "Ordering" }).returning();
      const make = (actor: Actor, name: string, shared: boolean) => createView(ctx(db, actor), { moduleId: m.id, name, shared, definition: emptyViewDefinition() });
      const s1 = await make(crm.actors.manager, "S1", true);
      await make(crm.actors.normal, "P1", false);
      const s2 = await make(crm.actors.normal, "S2", true);
      const p2 = await make(crm.actors.normal, "P2", false);
      await make(colleague, "Theirs", false);
      const s3 = await make(crm.actors.admin, "S3", true);
      const names = async (actor: Actor) => (await listViews(db, actor, m.id)).map((v) => v.name);
      expect(await names(crm.actors.normal)).toEqual(["S1", "S2", "S3", "P1", "P2"]);

      const normal = ctx(db, crm.actors.normal);
      expect(await reorderViews(normal, { viewId: p2.viewId, to: "up" })).toMatchObject({ position: 0 });
      expect(await names(crm.actors.normal)).toEqual(["S1", "S2", "S3", "P2", "P1"]);
      await reorderViews(normal, { viewId: s2.viewId, to: "up" }); // their own shared view: for everyone
      expect(await names(crm.actors.restricted)).toEqual(["S2", "S1", "S3"]);
      // At the edges nothing moves; an index past the end means last.
      await reorderViews(normal, { viewId: s2.viewId, to: "up" });
      await reorderViews(ctx(db, crm.actors.manager), { viewId: s3.viewId, to: "down" });
      expect(await names(crm.actors.manager)).toEqual(["S2", "S1", "S3"]);
      await reorderViews(ctx(db, crm.actors.manager), { viewId: s2.viewId, to: 99 });
      expect(await names(crm.actors.manager)).toEqual(["S1", "S3", "S2"]);
      await reorderViews(ctx(db, crm.actors.admin), { viewId: s2.viewId, to: 0 });
      expect(await names(colleague)).toEqual(["S2", "S1", "S3", "Theirs"]);
      expect((await listViews(db, crm.actors.normal, m.id)).map((v) => v.position)).toEqual([0, 1, 2, 0, 1]);
      // A Normal user may not reorder someone else's shared view.
      expect(await refusal(reorderViews(normal, { viewId: s1.viewId, to: "up" }))).toMatchObject({ kind: "forbidden" });
    });
  });

  describe("duplicate", () => {
    it("copies the definition as the actor's own view, at the end, with a free name", async () => {
      const definition = withFilter({ on: "todo", op: "none_open" });
      const source = await create(crm.actors.manager, "No next step", definition, true);
      const normal = ctx(db, crm.actors.normal);
      const first = await duplicateView(normal, { viewId: source.viewId, name: "Copy of No next step" });
      const second = await duplicateView(normal, { viewId: source.viewId, name: "Copy of No next step" });
      expect([first.name, second.name]).toEqual(["Copy of No next step", "Copy of No next step (2)"]);
      const copy = await getViewOrThrow(db, crm.actors.normal, moduleId(), second.viewId);
      expect(copy).toMatchObject({ shared: true, createdById: crm.actors.normal.id, canEdit: true, version: 1 });
      expect(copy.definition.filter).toEqual(definition.filter);
      const listed = (await listViews(db, crm.actors.normal, moduleId())).filter((v) => v.shared).map((v) => v.name);
      expect(listed.slice(-2)).toEqual(["Copy of No next step", "Copy of No next step (2)"]);
      // A long name still fits.
      const long = await duplicateView(normal, { viewId: source.viewId, name: "x".repeat(80) });
      const longer = await duplicateView(normal, { viewId: source.viewId, name: "x".repeat(80) });
      expect(longer.name).toBe(`${"x".repeat(76)} (2)`);
      expect(long.name).toHaveLength(80);
    });
  });

  describe("trash and restore", () => {
    it("a trashed view leaves the switcher and its URL; restored, it comes back last, renamed if its name was taken", async () => {
      const normal = ctx(db, crm.actors.normal, new Date("2026-05-05T09:00:00Z"));
      const { viewId } = await create(crm.actors.normal, "Follow-ups");
      await create(crm.actors.normal, "Later one");
      const trashed = await trashView(normal, { viewId });
      expect(trashed.version).toBe(2);
      const [row] = await db.select().from(views).where(eq(views.id, viewId));
      expect(row).toMatchObject({ deletedAt: new Date("2026-05-05T09:00:00Z"), deletedById: crm.actors.normal.id });
      expect((await listViews(db, crm.actors.normal, moduleId())).some((v) => v.id === viewId)).toBe(false);
      await expect(getViewOrThrow(db, crm.actors.normal, moduleId(), viewId)).rejects.toMatchObject({ code: "view_not_found" });
      await expect(trashView(normal, { viewId })).rejects.toMatchObject({ code: "view_not_found" });

      await create(crm.actors.normal, "follow-ups"); // the name is free now, and taken again
      const restored = await restoreView(normal, { viewId });
      expect(restored).toMatchObject({ name: "Follow-ups (2)", version: 3 });
      const mine = (await listViews(db, crm.actors.normal, moduleId())).filter((v) => !v.shared);
      expect(mine.at(-1)).toMatchObject({ id: viewId, name: "Follow-ups (2)" });
      await expect(restoreView(normal, { viewId })).rejects.toMatchObject({ code: "view_not_found" });
    });

    it("a manager restores a colleague's shared view, not their private one", async () => {
      const shared = await seedView(db, { moduleId: moduleId(), createdById: colleague.id, shared: true, name: "Trashed shared", deletedAt: new Date("2026-05-01") });
      const own = await seedView(db, { moduleId: moduleId(), createdById: colleague.id, name: "Trashed private", deletedAt: new Date("2026-05-01") });
      await restoreView(ctx(db, crm.actors.groupManagerHu), { viewId: shared });
      await expect(restoreView(ctx(db, crm.actors.manager), { viewId: own })).rejects.toMatchObject({ code: "view_not_found" });
      await restoreView(ctx(db, colleague), { viewId: own });
      expect((await listViews(db, colleague, moduleId())).filter((v) => ["Trashed shared", "Trashed private"].includes(v.name)).length).toBe(2);
    });

    it("the trash page lists what the actor may restore: their own views, and for managers the shared ones, newest first, page by page", async () => {
      const [m] = await db.insert(modules).values({ name: "Trash listing" }).returning();
      const trashedAt = (minute: number) => new Date(Date.UTC(2026, 4, 6, 10, minute));
      const seed = (createdById: string, shared: boolean, name: string, minute: number) => seedView(db, { moduleId: m.id, createdById, shared, name, deletedAt: trashedAt(minute) });
      await seed(crm.actors.normal.id, false, "Normal's private", 1);
      await seed(crm.actors.normal.id, true, "Normal's shared", 2);
      await seed(colleague.id, false, "Colleague's private", 3);
      await seed(colleague.id, true, "Colleague's shared", 4);
      await seedView(db, { moduleId: m.id, createdById: crm.actors.normal.id, name: "Live one" });
      const names = async (actor: Actor) => (await listTrashedViews(db, actor, { limit: 100 })).items.filter((v) => v.moduleName === "Trash listing").map((v) => v.name);
      expect(await names(crm.actors.normal)).toEqual(["Normal's shared", "Normal's private"]);
      expect(await names(crm.actors.restricted)).toEqual([]);
      expect(await names(crm.actors.manager)).toEqual(["Colleague's shared", "Normal's shared"]);
      expect(await names(crm.actors.groupManagerHu)).toEqual(["Colleague's shared", "Normal's shared"]);
      const first = await listTrashedViews(db, colleague, { limit: 1 });
      expect(first.items.map((v) => [v.name, v.shared, v.deletedByName])).toEqual([["Colleague's shared", true, "User Test"]]);
      const second = await listTrashedViews(db, colleague, { limit: 1, cursor: first.nextCursor! });
      expect(second.items.map((v) => v.name)).toEqual(["Colleague's private"]);
    });
  });
});
