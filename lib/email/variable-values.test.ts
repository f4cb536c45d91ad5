import { beforeAll, describe, expect, it } from "vitest";
import { cardContacts, cards, contacts, users } from "@/db/schema";
import { seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import { seedEmailCard } from "./test-fixtures";
import { loadVariableValues, type ValuesRequest } from "./variable-values";
import { eq } from "drizzle-orm";

describe("loadVariableValues: every variable for each card and recipient", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let seeded: Awaited<ReturnType<typeof seedEmailCard>>;
  // 2026-05-04 23:30 UTC is already 5 May in Budapest
  const now = new Date("2026-05-04T23:30:00Z");
  beforeAll(async () => {
    crm = await seedCrm(db);
    await db.update(users).set({ firstName: "Anna", lastName: "Nagy", emailSignature: "Anna Nagy\nSales" }).where(eq(users.id, crm.actors.normal.id));
    seeded = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id });
  });
  const request = (over: Partial<ValuesRequest> = {}): ValuesRequest => ({
    items: [{ cardId: seeded.card.id, recipient: { address: "eva@acme.example", name: "Kovács Éva", contactId: seeded.person.id } }],
    senderId: crm.actors.normal.id,
    keys: ["date.today+7"],
    now,
    timeZone: "Europe/Budapest",
    locale: "en",
    ...over,
  });

  it("fills card, person, company, sender, recipient and dates (in the organisation's zone)", async () => {
    const [v] = await loadVariableValues(db, request());
    expect(v).toMatchObject({
      "card.name": "Acme deal",
      "card.status": "Offer sent",
      "card.owner": "Nagy Anna",
      "person.firstName": "Éva",
      "person.lastName": "Kovács",
      "person.fullName": "Éva Kovács",
      "person.email": "eva@acme.example",
      "person.phone": "+36 1 234 5678",
      "company.name": "Acme Kft.",
      "company.taxNumber": "12345678-2-42",
      "company.address": "Budapest, Fő utca 1.",
      "company.website": "https://acme.example",
      "sender.name": "Nagy Anna",
      "sender.email": "normal@test.hu",
      "sender.signature": "Anna Nagy\nSales",
      "recipient.name": "Kovács Éva",
      "recipient.email": "eva@acme.example",
      [`card.field.${crm.fields.source.id}`]: "Fair",
      [`card.field.${crm.fields.website.id}`]: "",
    });
    expect(v[`card.field.${crm.fields.budget.id}`]).toMatch(/1,500,000/);
    expect(v["date.today"]).toMatch(/2026/);
    expect(v["date.today"]).toMatch(/May 5|5 May/);
    expect(v["date.today+7"]).toMatch(/May 12|12 May/);
  });

  it("writes names and dates in the recipient's language", async () => {
    const [v] = await loadVariableValues(db, request({ locale: "hu" }));
    expect(v["person.fullName"]).toBe("Kovács Éva");
    expect(v["date.today"]).toMatch(/2026\. ?máj/);
  });

  it("takes the card's first person when the recipient is the company", async () => {
    const [v] = await loadVariableValues(db, request({ items: [{ cardId: seeded.card.id, recipient: { address: "info@acme.example", name: "Acme Kft.", contactId: seeded.company.id } }] }));
    expect(v["person.firstName"]).toBe("Éva");
    expect(v["company.name"]).toBe("Acme Kft.");
    expect(v["recipient.email"]).toBe("info@acme.example");
  });

  it("leaves values empty when the card has nobody, and for no sender", async () => {
    const [bare] = await db.insert(cards).values({ moduleId: crm.module.id, statusId: crm.statuses.lead.id, name: "Bare", values: {} }).returning();
    const [v] = await loadVariableValues(db, request({ senderId: null, items: [{ cardId: bare.id, recipient: { address: "x@example.com", name: "" } }] }));
    expect(v["person.firstName"]).toBe("");
    expect(v["company.name"]).toBe("");
    expect(v["card.owner"]).toBe("");
    expect(v["sender.name"]).toBe("");
    expect(v["recipient.email"]).toBe("x@example.com");
  });

  it("answers a batch of any size in the items' order, with a fixed number of queries", async () => {
    const more = [];
    for (let i = 0; i < 30; i++) more.push((await seedEmailCard(db, crm, { ownerId: null, name: `Deal ${i}` })).card);
    const items = more.map((c) => ({ cardId: c.id, recipient: { address: `p${c.name}@example.com`, name: c.name } }));
    const queries: string[] = [];
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "select") queries.push("select");
        return Reflect.get(target, prop, receiver);
      },
    });
    const small = await loadVariableValues(counting, request({ items: items.slice(0, 2) }));
    const smallCount = queries.length;
    queries.length = 0;
    const big = await loadVariableValues(counting, request({ items }));
    expect(queries.length).toBe(smallCount);
    expect(small).toHaveLength(2);
    expect(big.map((v) => v["card.name"])).toEqual(more.map((c) => c.name));
    expect(big.every((v) => v["company.name"] === "Acme Kft.")).toBe(true);
  });

  it("ignores a trashed contact on the card", async () => {
    const { card, person } = await seedEmailCard(db, crm, { ownerId: null, name: "Trashed person" });
    await db.update(contacts).set({ deletedAt: now }).where(eq(contacts.id, person.id));
    const [v] = await loadVariableValues(db, request({ items: [{ cardId: card.id, recipient: { address: "a@example.com", name: "" } }] }));
    expect(v["person.firstName"]).toBe("");
    expect(v["company.name"]).toBe("Acme Kft.");
    expect((await db.select().from(cardContacts).where(eq(cardContacts.cardId, card.id))).length).toBe(2);
  });
});
