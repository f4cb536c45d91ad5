import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { archiveGroup } from "@/lib/groups/archive-group";
import { createGroup } from "@/lib/groups/create-group";
import { setGroupMembers } from "@/lib/groups/set-group-members";
import { createTestDb } from "@/test/db";
import { deactivateUser } from "./deactivate-user";
import { inviteUser } from "./invite-user";
import { listUsers } from "./list-users";
import { ctxFor, days, later, seedUser } from "./test-fixtures";

const now = new Date("2026-03-02T09:00:00Z");

describe("listUsers", () => {
  it("lists active, invited and deactivated users with role, groups and dates; active first, by name", async () => {
    const db = await createTestDb();
    const admin = await seedUser(db, { email: "anna@acme.test", role: "admin", lastName: "Kovács", firstName: "Anna", passwordHash: await hashPassword("a long secret phrase") });
    const ctx = ctxFor(db, admin, now);
    const { groupId: hu } = await createGroup(ctx, { name: "Hungary" });
    const { groupId: at } = await createGroup(ctx, { name: "Austria" });
    const { groupId: old } = await createGroup(ctx, { name: "Old" });
    const invited = await inviteUser(ctx, { email: "bela@acme.test", lastName: "Ács", firstName: "Béla", role: "manager", groupIds: [hu, at, old] });
    const gone = await inviteUser(ctx, { email: "cili@acme.test", lastName: "Áron", firstName: "Cili", role: "normal" });
    await deactivateUser(ctx, { userId: gone.userId });
    await setGroupMembers(ctx, { groupId: hu, userIds: [admin.id, invited.userId] });
    await archiveGroup(ctx, { groupId: old });

    const list = await listUsers(ctx);
    expect(list.map((u) => [u.email, u.status])).toEqual([
      ["bela@acme.test", "invited"],
      ["anna@acme.test", "active"],
      ["cili@acme.test", "deactivated"],
    ]);
    expect(list[0]).toMatchObject({
      id: invited.userId,
      role: "manager",
      lastName: "Ács",
      firstName: "Béla",
      invitationExpiresAt: later(now, days(7)),
      deactivatedAt: null,
      groups: [
        { id: at, name: "Austria" },
        { id: hu, name: "Hungary" },
      ],
    });
    expect(list[0].createdAt).toEqual(now);
    expect(list[1]).toMatchObject({ role: "admin", groups: [{ id: hu, name: "Hungary" }], invitationExpiresAt: null });
    expect(list[2]).toMatchObject({ deactivatedAt: now, invitationExpiresAt: null, groups: [] });
  });
});
