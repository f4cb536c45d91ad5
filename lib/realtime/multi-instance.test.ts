import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import type { Actor } from "@/lib/auth/permissions";
import { sql } from "drizzle-orm";
import { createCard } from "@/lib/cards/create-card";
import { createTodo } from "@/lib/todos/create-todo";
import { createTestPostgres, testDbKind } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { configureAdapter } from "./adapter";
import { DeadlineClock } from "./deadline-clock";
import { publishCardChanges, type ChangeEvent } from "./publish";
import { roomsForActor } from "./rooms";

// Two app instances on one PostgreSQL, joined by the PostgreSQL adapter: needs a real server, so only in the postgres project.
describe.runIf(testDbKind === "postgres")("several instances on one PostgreSQL", () => {
  let db: Db;
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let now = new Date("2026-05-04T08:00:00Z");
  const clock = { now: () => now };
  type Instance = { io: Server; deadlineClock: DeadlineClock; closeAdapter: () => Promise<void>; url: string };
  let one: Instance;
  let two: Instance;

  async function instance(databaseUrl: string): Promise<Instance> {
    const http = createServer();
    const io = new Server(http);
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = databaseUrl;
    const closeAdapter = await configureAdapter(io).finally(() => (process.env.DATABASE_URL = previousUrl));
    io.on("connection", (socket) => void socket.join(roomsForActor(socket.handshake.auth as Actor)));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const deadlineClock = new DeadlineClock(io, db, clock);
    return { io, deadlineClock, closeAdapter, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  }
  beforeAll(async () => {
    const created = await createTestPostgres();
    db = created.db;
    crm = await seedCrm(db);
    one = await instance(created.url);
    two = await instance(created.url);
  });

  const clients: Socket[] = [];
  async function listen(on: { url: string }, actor: Actor) {
    const events: ChangeEvent[] = [];
    const socket = connect(on.url, { auth: actor, transports: ["websocket"] });
    clients.push(socket);
    socket.on("crm:change", (e: ChangeEvent) => events.push(e));
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    return events;
  }
  const until = async (check: () => boolean, ms = 3000) => {
    for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 25));
  };
  afterAll(async () => {
    clients.forEach((c) => c.close());
    for (const i of [one, two]) {
      i.deadlineClock.stop();
      await i.io.close();
      await i.closeAdapter();
    }
  });

  it("delivers a change published on instance 1 to a client on instance 2, and only to those allowed", async () => {
    const adminOnTwo = await listen(two, crm.actors.admin);
    const restrictedOnTwo = await listen(two, crm.actors.restricted);
    const { cardId, moduleId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Cross-instance" });
    const sent = Date.now();
    await publishCardChanges(db, [{ event: { kind: "card.created", cardId, moduleId }, ownerIds: [crm.actors.normal.id] }], { io: one.io });
    await until(() => adminOnTwo.length > 0);
    expect(adminOnTwo).toEqual([{ kind: "card.created", cardId, moduleId }]);
    expect(Date.now() - sent).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(restrictedOnTwo).toEqual([]);
  });

  it("tells each client about a passing deadline exactly once, though both instances run a clock", async () => {
    const onOne = await listen(one, crm.actors.manager);
    const onTwo = await listen(two, crm.actors.manager);
    const { cardId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Deadline" });
    const { todoId } = await createTodo(ctx(db, crm.actors.normal), { cardId, text: "Call", assigneeId: crm.actors.normal.id, date: "2026-05-04", time: "10:30" });
    one.deadlineClock.start();
    two.deadlineClock.start();
    now = new Date("2026-05-04T08:31:00Z"); // 10:31 in Budapest
    one.deadlineClock.rearm();
    two.deadlineClock.rearm();
    await until(() => onOne.length > 0 && onTwo.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(onOne.filter((e) => e.todoId === todoId)).toHaveLength(1);
    expect(onTwo.filter((e) => e.todoId === todoId)).toHaveLength(1);
  });

  it("a todo change on one instance wakes the other instances' clocks too, so none sleeps past an earlier deadline", async () => {
    const onTwo = await listen(two, crm.actors.manager);
    const { cardId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Earlier deadline" });
    const { todoId } = await createTodo(ctx(db, crm.actors.normal), { cardId, text: "Call sooner", assigneeId: crm.actors.normal.id, date: "2026-05-04", time: "10:45" });
    // Instance two's clock sleeps towards its next check (up to a minute away); the deadline passes meanwhile.
    now = new Date("2026-05-04T08:46:00Z");
    one.deadlineClock.rearmEverywhere(); // what a todo verb on instance one does (announceCardChange)
    await until(() => onTwo.some((e) => e.todoId === todoId));
    expect(onTwo.filter((e) => e.todoId === todoId)).toEqual([{ kind: "todo.overdue", cardId, moduleId: crm.module.id, todoId }]);
  });

  it("keeps carrying changes between instances after the database drops every connection (a restart), again and again", async () => {
    const adminOnTwo = await listen(two, crm.actors.admin);
    const { cardId, moduleId } = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Through restarts" });
    for (let restart = 1; restart <= 3; restart++) {
      await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      // The adapters reconnect by themselves (within ~3 s); a change published meanwhile may be lost: publish until one arrives.
      const before = adminOnTwo.length;
      for (const end = Date.now() + 10_000; Date.now() < end && adminOnTwo.length === before; ) {
        // (Its own query may meet a connection the restart closed: that attempt fails, the next reconnects.)
        await publishCardChanges(db, [{ event: { kind: "card.changed", cardId, moduleId }, ownerIds: [crm.actors.normal.id] }], { io: one.io }).catch(() => undefined);
        await until(() => adminOnTwo.length > before, 500);
      }
      expect(adminOnTwo.length, `after restart ${restart}`).toBeGreaterThan(before);
    }
  });
});
