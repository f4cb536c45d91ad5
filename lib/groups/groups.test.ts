import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groups, users } from "@/db/schema";
import { inviteUser } from "@/lib/users/invite-user";
import { ctxFor, seedUser, snapshot } from "@/lib/users/test-fixtures";
import { createTestDb } from "@/test/db";
import { archiveGroup, restoreGroup } from "./archive-group";
import { createGroup } from "./create-group";
import { listGroups } from "./list-groups";
import { renameGroup } from "./rename-group";
import { setGroupMembers } from "./set-group-members";

const now = new Date("2026-03-02T09:00:00Z");

describe("groups", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin", lastName: "Kovács", firstName: "Anna" });
  const bela = await seedUser(db, { email: "bela@acme.test", lastName: "Ács", firstName: "Béla" });
  const cili = await seedUser(db, { email: "cili@acme.test", lastName: "Zöld", firstName: "Cili" });
  const ctx = ctxFor(db, admin, now);

  it("creates a group with a trimmed name, empty", async () => {
    const { groupId, name } = await createGroup(ctx, { name: "  Hungary " });
    expect(name).toBe("Hungary");
    const [group] = await listGroups(ctx);
    expect(group).toEqual({ id: groupId, name: "Hungary", createdAt: now, archivedAt: null, timeZone: null, holidays: [], memberCount: 0, members: [] });
  });

  it("refuses a name taken in any case, and an empty one, changing nothing", async () => {
    const before = await snapshot(db);
    await expect(createGroup(ctx, { name: "HUNGARY" })).rejects.toMatchObject({ code: "group_name_taken", fields: { name: "group_name_taken" } });
    await expect(createGroup(ctx, { name: "   " })).rejects.toMatchObject({ issues: [{ message: "required", path: ["name"] }] });
    await expect(createGroup(ctx, { name: "x".repeat(101) })).rejects.toMatchObject({ issues: [{ message: "too_long" }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames a group, also to a new case of its own name, but not to another group's name", async () => {
    const { groupId } = await createGroup(ctx, { name: "Romania" });
    expect(await renameGroup(ctx, { groupId, name: "Románia" })).toEqual({ groupId, name: "Románia", previousName: "Romania" });
    await expect(renameGroup(ctx, { groupId, name: "ROMÁNIA" })).resolves.toMatchObject({ name: "ROMÁNIA" });
    const before = await snapshot(db);
    await expect(renameGroup(ctx, { groupId, name: "hungary" })).rejects.toMatchObject({ code: "group_name_taken" });
    await expect(renameGroup(ctx, { groupId: crypto.randomUUID(), name: "Nowhere" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("sets exactly the given members, and lists them by name with counts of active members", async () => {
    const { groupId } = await createGroup(ctx, { name: "Austria" });
    expect(await setGroupMembers(ctx, { groupId, userIds: [cili.id, bela.id] })).toEqual({ groupId, added: [cili.id, bela.id], removed: [] });
    expect(await setGroupMembers(ctx, { groupId, userIds: [bela.id, admin.id] })).toEqual({ groupId, added: [admin.id], removed: [cili.id] });
    expect(await setGroupMembers(ctx, { groupId, userIds: admin.id })).toEqual({ groupId, added: [], removed: [bela.id] });
    await setGroupMembers(ctx, { groupId, userIds: [admin.id, bela.id, cili.id] });
    await db.update(users).set({ deactivatedAt: now }).where(eq(users.id, cili.id));

    const austria = (await listGroups(ctx)).find((g) => g.id === groupId)!;
    expect(austria.memberCount).toBe(2);
    expect(austria.members.map((m) => [m.lastName, m.deactivated])).toEqual([
      ["Ács", false],
      ["Kovács", false],
      ["Zöld", true],
    ]);

    expect(await setGroupMembers(ctx, { groupId })).toMatchObject({ added: [], removed: expect.arrayContaining([admin.id, bela.id, cili.id]) });
    expect((await listGroups(ctx)).find((g) => g.id === groupId)!.members).toEqual([]);
  });

  it("refuses unknown users and groups as members, changing nothing", async () => {
    const [hungary] = await db.select().from(groups).where(eq(groups.name, "Hungary"));
    await setGroupMembers(ctx, { groupId: hungary.id, userIds: [bela.id] });
    const before = await snapshot(db);
    await expect(setGroupMembers(ctx, { groupId: hungary.id, userIds: [admin.id, crypto.randomUUID()] })).rejects.toMatchObject({ code: "invalid_user" });
    await expect(setGroupMembers(ctx, { groupId: crypto.randomUUID(), userIds: [admin.id] })).rejects.toMatchObject({ code: "not_found" });
    await expect(setGroupMembers(ctx, { groupId: hungary.id, userIds: ["nope"] })).rejects.toMatchObject({ issues: [{ message: "invalid_input" }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("archives a group with its members kept, hides it from invitations, and restores it", async () => {
    const { groupId } = await createGroup(ctx, { name: "Slovakia" });
    await setGroupMembers(ctx, { groupId, userIds: [bela.id] });
    expect(await archiveGroup(ctx, { groupId })).toEqual({ groupId, changed: true });
    expect(await archiveGroup(ctx, { groupId })).toEqual({ groupId, changed: false });

    const list = await listGroups(ctx);
    expect(list.at(-1)).toMatchObject({ id: groupId, archivedAt: now, memberCount: 1 });
    await expect(createGroup(ctx, { name: "slovakia" })).rejects.toMatchObject({ code: "group_name_taken" });
    await expect(setGroupMembers(ctx, { groupId, userIds: [] })).rejects.toMatchObject({ code: "group_archived" });
    await expect(
      inviteUser(ctx, { email: "dani@acme.test", lastName: "D", firstName: "Dani", role: "normal", groupIds: [groupId] }),
    ).rejects.toMatchObject({ code: "invalid_group" });

    expect(await restoreGroup(ctx, { groupId })).toEqual({ groupId, changed: true });
    expect(await restoreGroup(ctx, { groupId })).toEqual({ groupId, changed: false });
    expect((await listGroups(ctx)).find((g) => g.id === groupId)).toMatchObject({ archivedAt: null, memberCount: 1 });
    await expect(archiveGroup(ctx, { groupId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists active groups first, by name", async () => {
    const names = (await listGroups(ctx)).map((g) => g.name);
    expect(names).toEqual(["Austria", "Hungary", "ROMÁNIA", "Slovakia"]);
  });
});
