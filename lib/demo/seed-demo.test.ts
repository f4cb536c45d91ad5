import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { fields, groups, modules, organisation, statuses, todos, users } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { DemoSeedRefused, seedDemo } from "./seed-demo";

const now = new Date("2026-11-27T10:00:00Z");

async function seeded(defaultLocale: "hu" | "en" | null) {
  const db = await createTestDb();
  if (defaultLocale) {
    await db.insert(organisation).values({ id: 1, name: "Saját Kft.", timeZone: "Europe/Budapest", defaultLocale });
    await db.insert(users).values({ email: "own.admin@example.test", firstName: "Own", lastName: "Admin", role: "admin" });
  }
  const result = await db.transaction((tx) => seedDemo(tx, { now, scale: 0.02, verbEvery: 5 }));
  const moduleNames = (await db.select({ name: modules.name }).from(modules).orderBy(asc(modules.position))).map((m) => m.name);
  const statusNames = new Set((await db.select({ name: statuses.name }).from(statuses)).map((s) => s.name));
  const fieldRows = await db.select({ name: fields.name, options: fields.options }).from(fields);
  const todoTexts = new Set((await db.select({ text: todos.text }).from(todos)).map((t) => t.text));
  const groupNames = (await db.select({ name: groups.name }).from(groups)).map((g) => g.name).sort();
  const [org] = await db.select().from(organisation).where(eq(organisation.id, 1));
  return { db, result, org, moduleNames, statusNames, fieldRows, todoTexts, groupNames };
}

// Each test hashes the demo staff's passwords (memory-hard) and plays cards through the verbs: slow on a busy machine.
describe("seedDemo", { timeout: 120_000 }, () => {
  it("speaks a Hungarian organisation's language: modules, statuses, fields, options, todos and groups, and keeps its admin", async () => {
    const { db, result, org, moduleNames, statusNames, fieldRows, todoTexts, groupNames } = await seeded("hu");
    expect(org.name).toBe("Saját Kft.");
    expect(moduleNames).toEqual(["Értékesítés HU", "Értékesítés RO", "Értékesítés BG", "Értékesítés PT", "Ügyfélszolgálat"]);
    expect([...statusNames]).toEqual(expect.arrayContaining(["Új érdeklődő", "Ajánlatküldés", "Megnyert", "Új bejelentés", "Ügyfélre vár"]));
    expect(statusNames.has("New lead")).toBe(false);
    expect(fieldRows.map((f) => f.name)).toEqual(expect.arrayContaining(["Havi keret", "Forrás", "Kategóriák", "Prioritás"]));
    const source = fieldRows.find((f) => f.name === "Forrás")!;
    expect(source.options.choices?.map((c) => c.label)).toEqual(["Webes űrlap", "Hideghívás", "Ajánlás", "Kiállítás", "Partner"]);
    expect(todoTexts.size).toBeGreaterThan(3);
    const hungarianTodos = new Set(
      ["Felhívni az érdeklődőt, rákérdezni a webshopjára", "Minősítő hívás: kategóriák és termékszám", "Ajánlat előkészítése", "Visszahívni az ügyfelet", "Válaszolni a bejelentésre"],
    );
    expect([...todoTexts].some((t) => hungarianTodos.has(t))).toBe(true);
    expect([...todoTexts].filter((t) => /^(Call|Send|Prepare|Reply|Check|Follow|Remind|Look|Meeting|Qualifying|Onboarding|Reproduce|Ask)\b/.test(t))).toEqual([]);
    expect(groupNames).toEqual(["Bulgária", "Magyarország", "Portugália", "Románia"]);

    // The installation's own admin stays the admin; the demo adds its staff, not a second admin.
    expect(result.admin).toEqual({ email: "own.admin@example.test", created: false });
    expect(await db.select({ email: users.email }).from(users).where(eq(users.role, "admin"))).toEqual([{ email: "own.admin@example.test" }]);
  });

  it("speaks English for an English organisation, and refuses a second run", async () => {
    const { db, moduleNames, statusNames, todoTexts, groupNames } = await seeded("en");
    expect(moduleNames).toEqual(["Sales HU", "Sales RO", "Sales BG", "Sales PT", "Customer service"]);
    expect(statusNames.has("New lead")).toBe(true);
    expect(statusNames.has("Új érdeklődő")).toBe(false);
    expect([...todoTexts].some((t) => ["Prepare the offer", "Call the customer back", "Reply to the ticket", "Call the lead, ask about their shop"].includes(t))).toBe(true);
    expect(groupNames).toEqual(["Bulgaria", "Hungary", "Portugal", "Romania"]);
    await expect(db.transaction((tx) => seedDemo(tx, { now, scale: 0.02 }))).rejects.toBeInstanceOf(DemoSeedRefused);
  });

  it("on an empty installation creates the Hungarian demo organisation and its admin", async () => {
    const { org, result, moduleNames } = await seeded(null);
    expect(org).toMatchObject({ name: "ÁrRadar Kft.", defaultLocale: "hu" });
    expect(result.admin).toEqual({ email: "admin@arradar.example", created: true });
    expect(moduleNames[0]).toBe("Értékesítés HU");
  });
});
