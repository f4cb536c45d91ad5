import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { archiveGroup, restoreGroup } from "@/lib/groups/archive-group";
import { createGroup } from "@/lib/groups/create-group";
import { listGroups } from "@/lib/groups/list-groups";
import { renameGroup } from "@/lib/groups/rename-group";
import { setGroupMembers } from "@/lib/groups/set-group-members";
import { createTestDb } from "@/test/db";
import { changeUserRole } from "./change-user-role";
import { deactivateUser } from "./deactivate-user";
import { inviteUser } from "./invite-user";
import { issuePasswordReset } from "./issue-password-reset";
import { listUsers } from "./list-users";
import { reactivateUser } from "./reactivate-user";
import { reissueInvitation } from "./reissue-invitation";
import { ctxFor, seedUser, snapshot } from "./test-fixtures";

const now = new Date("2026-03-02T09:00:00Z");

/** Every admin-only verb of users and groups, with input that an admin could run. */
function verbs(target: { userId: string; groupId: string }): Record<string, (ctx: Ctx) => Promise<unknown>> {
  return {
    listUsers: (ctx) => listUsers(ctx),
    inviteUser: (ctx) => inviteUser(ctx, { email: "new@acme.test", lastName: "Új", firstName: "Ember", role: "admin" }),
    reissueInvitation: (ctx) => reissueInvitation(ctx, target),
    changeUserRole: (ctx) => changeUserRole(ctx, { ...target, role: "admin" }),
    deactivateUser: (ctx) => deactivateUser(ctx, target),
    reactivateUser: (ctx) => reactivateUser(ctx, target),
    issuePasswordReset: (ctx) => issuePasswordReset(ctx, target),
    listGroups: (ctx) => listGroups(ctx),
    createGroup: (ctx) => createGroup(ctx, { name: "Mine" }),
    renameGroup: (ctx) => renameGroup(ctx, { ...target, name: "Renamed" }),
    archiveGroup: (ctx) => archiveGroup(ctx, target),
    restoreGroup: (ctx) => restoreGroup(ctx, target),
    setGroupMembers: (ctx) => setGroupMembers(ctx, { ...target, userIds: [target.userId] }),
  };
}

describe("users and groups permissions", async () => {
  const db = await createTestDb();
  const admin = await seedUser(db, { email: "anna@acme.test", role: "admin" });
  const { groupId } = await createGroup(ctxFor(db, admin, now), { name: "Hungary" });
  const { userId } = await inviteUser(ctxFor(db, admin, now), { email: "bela@acme.test", lastName: "Nagy", firstName: "Béla", role: "normal" });
  const nonAdmins = await Promise.all(
    roles.filter((r) => r !== "admin").map((role) => seedUser(db, { email: `${role}@acme.test`, role })),
  );
  const table = Object.keys(verbs({ userId, groupId }));

  describe.each(nonAdmins.map((actor) => [actor.role, actor] as const))("a %s", (_role, actor) => {
    it.each(table)("is forbidden to %s, and nothing changes", async (verb) => {
      const before = await snapshot(db);
      await expect(verbs({ userId, groupId })[verb](ctxFor(db, actor, now))).rejects.toMatchObject({ kind: "forbidden", code: "forbidden" });
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it.each(table)("an admin may %s", async (verb) => {
    await expect(verbs({ userId, groupId })[verb](ctxFor(db, admin, now))).resolves.toBeDefined();
  });
});
