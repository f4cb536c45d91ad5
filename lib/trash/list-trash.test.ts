import { beforeAll, describe, expect, it } from "vitest";
import { createCard } from "@/lib/cards/create-card";
import { getCardPageOrThrow } from "@/lib/cards/get-card-page";
import { restoreCard, trashCard } from "@/lib/cards/trash-card";
import { createTodo } from "@/lib/todos/create-todo";
import { restoreTodo, trashTodo } from "@/lib/todos/trash-todo";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { createContact } from "@/lib/contacts/create-contact";
import { restoreContact } from "@/lib/contacts/restore-contact";
import { trashContact } from "@/lib/contacts/trash-contact";
import { listTrashedCards, listTrashedContacts, listTrashedTodos } from "./list-trash";

const at = (minute: number) => new Date(Date.UTC(2026, 4, 4, 10, minute));

describe("trash listing and restore", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let cards: Record<"hu1" | "hu2" | "mgr" | "unowned" | "ro", string>;
  let todoIds: { onLive: string; onLive2: string; onTrashed: string };

  beforeAll(async () => {
    crm = await seedCrm(db);
    const { normal, manager, admin, groupRestrictedRo } = crm.actors;
    const make = async (actor: typeof normal, name: string, ownerId?: string | null) =>
      (await createCard(ctx(db, actor, at(0)), { moduleId: crm.module.id, name, ownerId })).cardId;
    cards = {
      hu1: await make(normal, "HU one"),
      hu2: await make(normal, "HU two"),
      mgr: await make(manager, "Manager's"),
      unowned: await make(admin, "Unowned", null),
      ro: await make(admin, "RO owned", groupRestrictedRo.id),
    };
    const live = await make(normal, "Live card");
    const doomed = await make(normal, "Doomed card");
    const todo = async (cardId: string, text: string) =>
      (await createTodo(ctx(db, normal, at(0)), { cardId, text, assigneeId: normal.id, date: "2026-05-06", time: "10:00" })).todoId;
    todoIds = { onLive: await todo(live, "Call"), onLive2: await todo(live, "Mail"), onTrashed: await todo(doomed, "Lost with card") };

    await trashCard(ctx(db, normal, at(1)), { cardId: cards.hu1 });
    await trashCard(ctx(db, manager, at(2)), { cardId: cards.mgr });
    await trashCard(ctx(db, admin, at(3)), { cardId: cards.unowned });
    await trashCard(ctx(db, normal, at(4)), { cardId: cards.hu2 });
    await trashCard(ctx(db, admin, at(5)), { cardId: cards.ro });
    await trashTodo(ctx(db, normal, at(6)), { todoId: todoIds.onLive });
    await trashTodo(ctx(db, manager, at(7)), { todoId: todoIds.onLive2 });
    await trashTodo(ctx(db, normal, at(8)), { todoId: todoIds.onTrashed });
    await trashCard(ctx(db, admin, at(9)), { cardId: doomed });
  });

  it("lists trashed cards newest first with module, who and when, in keyset pages", async () => {
    const first = await listTrashedCards(db, crm.actors.admin, { limit: 4 });
    expect(first.items.map((c) => c.name)).toEqual(["Doomed card", "RO owned", "HU two", "Unowned"]);
    expect(first.items[1]).toMatchObject({ moduleName: "Sales HU", moduleId: crm.module.id, deletedAt: at(5), deletedByName: "Test admin" });
    expect(first.nextCursor).not.toBeNull();
    const second = await listTrashedCards(db, crm.actors.admin, { limit: 4, cursor: first.nextCursor! });
    expect(second.items.map((c) => [c.name, c.deletedByName])).toEqual([
      ["Manager's", "Test manager"],
      ["HU one", "Test normal"],
    ]);
    expect(second.nextCursor).toBeNull();
    await expect(listTrashedCards(db, crm.actors.admin, { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("lists trashed todos on live cards only, newest first", async () => {
    const page = await listTrashedTodos(db, crm.actors.manager);
    expect(page.items.map((t) => [t.text, t.cardName, t.deletedByName])).toEqual([
      ["Mail", "Live card", "Test manager"],
      ["Call", "Live card", "Test normal"],
    ]);
    expect(page.items[0]).toMatchObject({ moduleName: "Sales HU", deletedAt: at(7), type: "task" });
  });

  it("scopes the trash like every card list, and only managers may open it", async () => {
    // The HU group manager sees cards owned in the HU group (and their own), not the manager's nor the RO or unowned ones.
    const gm = await listTrashedCards(db, crm.actors.groupManagerHu);
    expect(gm.items.map((c) => c.name).sort()).toEqual(["Doomed card", "HU one", "HU two"]);
    expect((await listTrashedTodos(db, crm.actors.groupManagerHu)).items).toHaveLength(2);
    for (const actor of ["normal", "restricted", "groupRestrictedRo"] as const) {
      await expect(listTrashedCards(db, crm.actors[actor])).rejects.toMatchObject({ code: "forbidden" });
      await expect(listTrashedTodos(db, crm.actors[actor])).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("lists trashed companies and persons newest first, in keyset pages, and restoring takes one out", async () => {
    const { normal, manager } = crm.actors;
    const make = async (name: string, kind: "company" | "person") =>
      (await createContact(ctx(db, normal, at(0)), kind === "company" ? { kind, name } : { kind, firstName: name, lastName: "Kovács" })).contactId;
    const acme = await make("Acme Kft.", "company");
    const anna = await make("Anna", "person");
    await make("Still here Kft.", "company");
    await trashContact(ctx(db, manager, at(10)), { contactId: acme });
    await trashContact(ctx(db, manager, at(11)), { contactId: anna });

    const first = await listTrashedContacts(db, manager, { limit: 1 });
    expect(first.items).toMatchObject([{ id: anna, kind: "person", name: "Kovács Anna", deletedById: manager.id }]);
    const second = await listTrashedContacts(db, manager, { limit: 1, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ id: acme, kind: "company", name: "Acme Kft." }], nextCursor: null });
    await expect(listTrashedContacts(db, normal)).rejects.toMatchObject({ code: "forbidden" });

    await restoreContact(ctx(db, manager, at(12)), { contactId: acme });
    expect((await listTrashedContacts(db, manager)).items.map((c) => c.id)).toEqual([anna]);
  });

  it("restores a card and a todo: they leave the trash and come back to the card page, with history", async () => {
    const gmHu = ctx(db, crm.actors.groupManagerHu, at(20));
    await expect(restoreCard(gmHu, { cardId: cards.ro })).rejects.toMatchObject({ code: "card_not_found" });
    await restoreCard(gmHu, { cardId: cards.hu1 });
    expect((await listTrashedCards(db, crm.actors.admin)).items.map((c) => c.name)).not.toContain("HU one");
    const card = await getCardPageOrThrow(db, crm.actors.normal, cards.hu1, { now: at(21), timeZone: "Europe/Budapest" });
    expect(card.history.entries.slice(0, 2).map((e) => [e.kind, e.actorName])).toEqual([
      ["card_restored", "Test gm-hu"],
      ["card_trashed", "Test normal"],
    ]);

    await restoreTodo(ctx(db, crm.actors.manager, at(22)), { todoId: todoIds.onLive });
    expect((await listTrashedTodos(db, crm.actors.admin)).items.map((t) => t.text)).toEqual(["Mail"]);
    await expect(restoreTodo(ctx(db, crm.actors.normal, at(23)), { todoId: todoIds.onLive2 })).rejects.toMatchObject({ code: "forbidden" });
  });
});
