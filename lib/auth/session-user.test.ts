import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupMembers, groups, users } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { loadSessionUser } from "./session-user";

describe("loadSessionUser", () => {
  it("returns the user with their live groups only, and nothing for an old session version", async () => {
    const db = await createTestDb();
    const [user] = await db.insert(users).values({ email: "g@test.hu", role: "group_restricted" }).returning();
    const [live, archived] = await db.insert(groups).values([{ name: "Live" }, { name: "Archived", archivedAt: new Date() }]).returning();
    await db.insert(groupMembers).values([{ groupId: live.id, userId: user.id }, { groupId: archived.id, userId: user.id }]);

    expect((await loadSessionUser(db, user.id, 1))?.groupIds).toEqual([live.id]);
    await db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, user.id, 1)).toBeNull();
  });
});
