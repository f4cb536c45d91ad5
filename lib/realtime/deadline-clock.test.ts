import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import type { Actor } from "@/lib/auth/permissions";
import { createCard } from "@/lib/cards/create-card";
import { createTodo } from "@/lib/todos/create-todo";
import { createTestDb } from "@/test/db";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { DeadlineClock } from "./deadline-clock";
import type { ChangeEvent } from "./publish";
import { roomsForActor } from "./rooms";

describe("the deadline clock", async () => {
  const db = await createTestDb();
  const crm = await seedCrm(db);
  // 2026-05-04 23:58 in Budapest: two todos at 23:59 (same minute), one at 00:30 after midnight.
  let now = new Date("2026-05-04T21:58:00Z");
  const clock = { now: () => now };

  const http = createServer();
  const io = new Server(http);
  // The real server authenticates the handshake; here the test says who each socket is.
  io.on("connection", (socket) => void socket.join(roomsForActor(socket.handshake.auth as Actor)));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: Socket[] = [];
  async function listen(actor: Actor) {
    const events: ChangeEvent[] = [];
    const socket = connect(url, { auth: actor, transports: ["websocket"] });
    clients.push(socket);
    socket.on("crm:change", (e: ChangeEvent) => events.push(e));
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    return events;
  }
  const deadlineClock = new DeadlineClock(io, db, clock);
  afterAll(async () => {
    deadlineClock.stop();
    clients.forEach((c) => c.close());
    await io.close();
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  const until = async (check: () => boolean, ms = 5000) => {
    for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 25));
  };

  const mine = await createCard(ctx(db, crm.actors.normal), { moduleId: crm.module.id, name: "Normal's card" });
  const theirs = await createCard(ctx(db, crm.actors.otherRestricted), { moduleId: crm.module.id, name: "Other restricted's card" });
  const todo = (cardId: string, actor: Actor, time: string, date = "2026-05-04") =>
    createTodo(ctx(db, actor), { cardId, text: "Call", assigneeId: actor.id, date, time });
  const a = await todo(mine.cardId, crm.actors.normal, "23:59");
  const b = await todo(theirs.cardId, crm.actors.otherRestricted, "23:59");
  await todo(mine.cardId, crm.actors.normal, "00:30", "2026-05-05");

  it("tells each socket about exactly the deadlines it may see, once, in one batch per minute, and rolls the day at midnight", async () => {
    const admin = await listen(crm.actors.admin);
    const restricted = await listen(crm.actors.restricted);
    const other = await listen(crm.actors.otherRestricted);
    deadlineClock.start();
    await settle();
    expect(admin).toEqual([]);

    now = new Date("2026-05-04T21:59:01Z"); // 23:59:01 local: both 23:59 deadlines passed
    deadlineClock.rearm();
    await until(() => admin.length >= 2 && other.length >= 1);
    await settle();
    expect(admin.map((e) => e.todoId).sort()).toEqual([a.todoId, b.todoId].sort());
    expect(other.map((e) => e.todoId)).toEqual([b.todoId]);
    expect(restricted).toEqual([]); // neither card is theirs nor unowned: not a single frame

    now = new Date("2026-05-04T22:00:30Z"); // 00:00:30: a new day
    deadlineClock.rearm();
    await until(() => restricted.length >= 1);
    await settle();
    expect(admin.at(-1)).toEqual({ kind: "day.changed" });
    expect(restricted).toEqual([{ kind: "day.changed" }]);
    expect(admin.filter((e) => e.kind === "todo.overdue")).toHaveLength(2); // nothing twice
  });
});
