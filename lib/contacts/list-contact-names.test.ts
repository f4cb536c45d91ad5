import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { listContactNames } from "./list-contact-names";
import { seedActor, seedCard, seedContact, seedModule } from "./test-fixtures";

/** The names a saved view's "company is any of" shows in the builder: only what the reader may see. */
describe("listContactNames", () => {
  let db: Db;
  let admin: Actor;
  let restricted: Actor;
  const ids = {} as Record<"colleagues" | "own" | "free" | "trashed", string>;

  beforeAll(async () => {
    db = await createTestDb();
    admin = await seedActor(db, "admin@names.test", "admin");
    restricted = await seedActor(db, "rita@names.test", "restricted");
    const colleague = await seedActor(db, "norbert@names.test", "normal");
    const mod = await seedModule(db, "Names");
    ids.colleagues = await seedContact(db, { name: "Colleague Kft." });
    ids.own = await seedContact(db, { name: "Own Bt." });
    ids.free = await seedContact(db, { name: "Free Zrt." });
    ids.trashed = await seedContact(db, { name: "Trashed Kft." });
    await seedCard(db, { name: "Theirs", module: mod, ownerId: colleague.id, contactIds: [ids.colleagues] });
    await seedCard(db, { name: "Mine", module: mod, ownerId: restricted.id, contactIds: [ids.own] });
    await db.update(contacts).set({ deletedAt: new Date() }).where(eq(contacts.id, ids.trashed));
  });

  const names = async (actor: Actor, of: string[]) => (await listContactNames(db, actor, of)).map((c) => c.name).sort();

  it("names the live contacts asked for, in one query, nothing for none", async () => {
    expect(await names(admin, Object.values(ids))).toEqual(["Colleague Kft.", "Free Zrt.", "Own Bt."]);
    expect(await listContactNames(db, admin, [])).toEqual([]);
  });

  it("leaves out what a Restricted user may not see: a colleague's customer", async () => {
    expect(await names(restricted, Object.values(ids))).toEqual(["Free Zrt.", "Own Bt."]);
  });
});
