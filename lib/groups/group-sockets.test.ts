import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { publishCardChanges } from "@/lib/realtime/publish";
import { rooms } from "@/lib/realtime/rooms";
import { createTestDb, createTestPostgres, testDbKind } from "@/test/db";
import { startInstance, until, type Browser } from "@/test/live-instance";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { archiveGroup, restoreGroup } from "./archive-group";
import { setGroupMembers } from "./set-group-members";

const reconnected = (browser: Browser, times: number) => () => browser.disconnects.length === times && browser.socket.connected;

describe("a group change reaches its members' live connections", async () => {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  const admin = ctx(db, crm.actors.admin);
  const member = crm.actors.groupRestrictedRo; // sees the cards of Romania's members
  const { cardId, moduleId } = await createCard(admin, { moduleId: crm.module.id, name: "Romanian deal", ownerId: crm.actors.otherRestricted.id });
  let instance: Awaited<ReturnType<typeof startInstance>>;
  beforeAll(async () => void (instance = await startInstance(db)));
  afterAll(() => instance.stop());
  const signedInBrowser = (actor: Actor) => instance.signedInBrowser(actor);

  const roomsOf = async (actor: Actor) => (await instance.io.in(rooms.user(actor.id)).fetchSockets()).flatMap((s) => [...s.rooms]);
  async function hearsTheCard(browser: Browser) {
    const before = browser.heard.length;
    await publishCardChanges(db, [{ event: { kind: "card.changed", cardId, moduleId }, ownerIds: [crm.actors.otherRestricted.id] }]);
    await new Promise((r) => setTimeout(r, 150));
    return browser.heard.slice(before).some((e) => e.cardId === cardId);
  }

  it("a member removed from a group reconnects by itself and no longer hears about the group's cards; added back, it does again", async () => {
    const browser = await signedInBrowser(member);
    const bystander = await signedInBrowser(crm.actors.groupManagerHu);
    expect(await roomsOf(member)).toContain(rooms.groupRestricted(crm.groups.ro.id));
    expect(await hearsTheCard(browser)).toBe(true);

    await setGroupMembers(admin, { groupId: crm.groups.ro.id, userIds: [crm.actors.otherRestricted.id] });
    await until(reconnected(browser, 1));
    expect(browser.disconnects).toEqual(["transport close"]); // not "io server disconnect", after which a browser stays offline
    expect(await roomsOf(member)).not.toContain(rooms.groupRestricted(crm.groups.ro.id));
    expect(await hearsTheCard(browser)).toBe(false);

    await setGroupMembers(admin, { groupId: crm.groups.ro.id, userIds: [crm.actors.otherRestricted.id, member.id] });
    await until(reconnected(browser, 2));
    expect(await roomsOf(member)).toContain(rooms.groupRestricted(crm.groups.ro.id));
    expect(await hearsTheCard(browser)).toBe(true);
    expect(bystander.disconnects).toEqual([]); // users whose groups did not change keep their connection
  });

  it("archiving a group takes its rooms from every member's connection; restoring gives them back", async () => {
    const browser = await signedInBrowser(member);
    await archiveGroup(admin, { groupId: crm.groups.ro.id });
    await until(reconnected(browser, 1));
    expect(await roomsOf(member)).not.toContain(rooms.groupRestricted(crm.groups.ro.id));
    expect(await hearsTheCard(browser)).toBe(false);

    await restoreGroup(admin, { groupId: crm.groups.ro.id });
    await until(reconnected(browser, 2));
    expect(await roomsOf(member)).toContain(rooms.groupRestricted(crm.groups.ro.id));
    expect(await hearsTheCard(browser)).toBe(true);
  });
});

// Two instances joined by the PostgreSQL adapter: needs a real server, so only in the postgres project.
describe.runIf(testDbKind === "postgres")("a group change on one instance reaches connections on another", () => {
  const previousUrl = process.env.DATABASE_URL;
  let db: Db;
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let other: Awaited<ReturnType<typeof startInstance>>;
  let current: Awaited<ReturnType<typeof startInstance>>;
  beforeAll(async () => {
    const created = await createTestPostgres();
    db = created.db;
    crm = await seedCrm(db);
    process.env.DATABASE_URL = created.url; // as in production: configureAdapter picks the PostgreSQL adapter by it
    other = await startInstance(db, created.url);
    current = await startInstance(db, created.url); // started last, so the verbs below run "on" this one
  });
  afterAll(async () => {
    await Promise.all([other.stop(), current.stop()]);
    process.env.DATABASE_URL = previousUrl;
  });

  it("a member connected to the other instance reconnects too", async () => {
    const browser = await other.signedInBrowser(crm.actors.groupRestrictedRo);
    await setGroupMembers(ctx(db, crm.actors.admin), { groupId: crm.groups.ro.id, userIds: [] });
    await until(reconnected(browser, 1));
    const [socket] = await other.io.in(rooms.user(crm.actors.groupRestrictedRo.id)).fetchSockets();
    expect([...socket.rooms]).not.toContain(rooms.groupRestricted(crm.groups.ro.id));
  });
});
