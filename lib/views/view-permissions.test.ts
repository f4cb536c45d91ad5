import { beforeAll, describe, expect, it } from "vitest";
import { roles, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { seedActor } from "@/lib/modules/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createView } from "./create-view";
import { emptyViewDefinition } from "./definition";
import { duplicateView } from "./duplicate-view";
import { getViewOrThrow } from "./get-view-or-throw";
import { listViews } from "./list-views";
import { reorderViews } from "./reorder-views";
import { restoreView } from "./restore-view";
import { seedView } from "./test-fixtures";
import { trashView } from "./trash-view";
import { updateView } from "./update-view";

type Outcome = "ok" | "forbidden" | "not_found";
const Y: Outcome = "ok";
const F: Outcome = "forbidden";
const NF: Outcome = "not_found";
type Row = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const cases = ["ownPrivate", "ownShared", "othersPrivate", "othersShared"] as const;
type Case = (typeof cases)[number];
const verbs = ["list", "open", "edit", "rename", "move", "duplicate", "trash", "restore"] as const;
type Verb = (typeof verbs)[number];

const all = (o: Outcome): Row => [o, o, o, o, o, o];
// The whole table, spelled out: a change to any cell must be a deliberate change here too.
// "list" NF = not in the switcher. "Own shared" for a Restricted role: shared before a role change.
//                                       admin manager normal restricted group_manager group_restricted
const expected: Record<Verb, Record<Case, Row>> = {
  list: /*     */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: all(Y) },
  open: /*     */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: all(Y) },
  edit: /*     */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: [Y, Y, F, F, F, F] },
  rename: /*   */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: [Y, Y, F, F, F, F] },
  move: /*     */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: [Y, Y, F, F, F, F] },
  duplicate: /**/ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: all(Y) },
  trash: /*    */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: [Y, Y, F, F, F, F] },
  restore: /*  */ { ownPrivate: all(Y), ownShared: all(Y), othersPrivate: all(NF), othersShared: [Y, Y, F, F, Y, F] },
};
//                                   admin manager normal restricted group_manager group_restricted
const createPrivate: Row = /*     */ [Y, Y, Y, Y, Y, Y];
const createShared: Row = /*      */ [Y, Y, Y, F, Y, F];

describe("who may do what with a view (every role × verb × whose view)", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let colleague: Actor;
  let actorOf: Record<Role, Actor>;
  beforeAll(async () => {
    crm = await seedCrm(db);
    colleague = await seedActor(db, "normal", "colleague@test.hu");
    const a = crm.actors;
    actorOf = { admin: a.admin, manager: a.manager, normal: a.normal, restricted: a.restricted, group_manager: a.groupManagerHu, group_restricted: a.groupRestrictedRo };
  });

  let n = 0;
  async function viewFor(actor: Actor, c: Case, trashed: boolean) {
    const createdById = c.startsWith("own") ? actor.id : colleague.id;
    const shared = c.endsWith("Shared");
    return seedView(db, { moduleId: crm.module.id, createdById, shared, name: `View ${++n}`, deletedAt: trashed ? new Date("2026-05-01T10:00:00Z") : null });
  }

  async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
    try {
      await run();
      return "ok";
    } catch (error) {
      if (error instanceof DomainError && (error.kind === "forbidden" || error.kind === "not_found")) return error.kind;
      throw error;
    }
  }

  async function attempt(verb: Verb, actor: Actor, c: Case): Promise<Outcome> {
    const viewId = await viewFor(actor, c, verb === "restore");
    const moduleId = crm.module.id;
    const x = ctx(db, actor);
    switch (verb) {
      case "list":
        return (await listViews(db, actor, moduleId)).some((v) => v.id === viewId) ? "ok" : "not_found";
      case "open":
        return outcome(() => getViewOrThrow(db, actor, moduleId, viewId));
      case "edit":
        return outcome(() => updateView(x, { viewId, version: 1, definition: { ...emptyViewDefinition(), sort: { by: "name" } } }));
      case "rename":
        return outcome(() => updateView(x, { viewId, version: 1, name: `Renamed ${++n}` }));
      case "move":
        return outcome(() => reorderViews(x, { viewId, to: "up" }));
      case "duplicate":
        return outcome(() => duplicateView(x, { viewId, name: `Copy ${++n}` }));
      case "trash":
        return outcome(() => trashView(x, { viewId }));
      case "restore":
        return outcome(() => restoreView(x, { viewId }));
    }
  }

  for (const verb of verbs) {
    for (const c of cases) {
      it(`${verb} · ${c}`, async () => {
        const got: Outcome[] = [];
        for (const role of roles) got.push(await attempt(verb, actorOf[role], c));
        expect(Object.fromEntries(roles.map((r, i) => [r, got[i]]))).toEqual(Object.fromEntries(roles.map((r, i) => [r, expected[verb][c][i]])));
      });
    }
  }

  it("create · a private view, a shared view", async () => {
    const got = { private: [] as Outcome[], shared: [] as Outcome[] };
    for (const role of roles) {
      const x = ctx(db, actorOf[role]);
      got.private.push(await outcome(() => createView(x, { moduleId: crm.module.id, name: `Mine ${++n}`, shared: false, definition: emptyViewDefinition() })));
      got.shared.push(await outcome(() => createView(x, { moduleId: crm.module.id, name: `Ours ${++n}`, shared: true, definition: emptyViewDefinition() })));
    }
    expect(got).toEqual({ private: createPrivate, shared: createShared });
  });

  it("a Restricted user's copy of a shared view is private; a Normal user's stays shared", async () => {
    const source = await seedView(db, { moduleId: crm.module.id, createdById: colleague.id, shared: true, name: "Team pipeline" });
    const restricted = await duplicateView(ctx(db, crm.actors.restricted), { viewId: source, name: "Copy of Team pipeline" });
    const normal = await duplicateView(ctx(db, crm.actors.normal), { viewId: source, name: "Copy of Team pipeline" });
    const byId = async (actor: Actor, id: string) => (await listViews(db, actor, crm.module.id)).find((v) => v.id === id);
    expect(await byId(crm.actors.restricted, restricted.viewId)).toMatchObject({ shared: false, createdById: crm.actors.restricted.id, canEdit: true });
    expect(await byId(crm.actors.normal, normal.viewId)).toMatchObject({ shared: true, createdById: crm.actors.normal.id, canEdit: true });
    // The Restricted user's copy is nobody else's business.
    expect(await byId(crm.actors.admin, restricted.viewId)).toBeUndefined();
  });

  it("only the creator shares or unshares a view, and a Restricted creator cannot share", async () => {
    const mine = await seedView(db, { moduleId: crm.module.id, createdById: crm.actors.normal.id, shared: true, name: `Shared ${++n}` });
    const byAdmin = await outcome(() => updateView(ctx(db, crm.actors.admin), { viewId: mine, version: 1, shared: false }));
    expect(byAdmin).toBe("forbidden");
    await updateView(ctx(db, crm.actors.normal), { viewId: mine, version: 1, shared: false });
    const restrictedOwn = await seedView(db, { moduleId: crm.module.id, createdById: crm.actors.restricted.id, name: `Private ${++n}` });
    expect(await outcome(() => updateView(ctx(db, crm.actors.restricted), { viewId: restrictedOwn, version: 1, shared: true }))).toBe("forbidden");
  });
});
