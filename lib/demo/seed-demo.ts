import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, currencyRates, fields, groupMembers, groups, history, modules, organisation, statuses, todos, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { orgCalendar } from "./calendar";
import { planCard, type CardPlan, type SeedModule, type SeedUser } from "./card-plan";
import { demoAdmin, demoCurrencyRates, demoGroupTimeZones, demoOrganisation, demoPassword, demoStaff, type DemoUser } from "./company";
import { demoGroupName, demoModules, demoWords } from "./content";
import { makeCompany, type DemoCompany, type DemoContact } from "./contacts";
import { countries, type Country } from "./names";
import { playPlan } from "./play-plan";
import { planRows } from "./plan-rows";
import { createRng } from "./random";
import { refreshAllDenormalised } from "./refresh-denormalised";

export type SeedDemoOptions = {
  now: Date;
  /** PRNG seed: the same seed gives the same company. */
  seed?: string;
  /** Every n-th card is played through the real verbs (the rest is written in bulk). */
  verbEvery?: number;
  /** A fraction of the ~2,000 cards (at least one per module), e.g. for tests. */
  scale?: number;
  log?: (message: string) => void;
};

export type SeedDemoResult = {
  admin: { email: string; created: boolean };
  users: { name: string; email: string; role: string; team: string }[];
  skippedUsers: string[];
  cardsViaVerbs: number;
  cardsInBulk: number;
};

/** Something the demo cannot be added to: reported to the user, nothing written. */
export class DemoSeedRefused extends Error {}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Adds the demo company (see company.ts) to an installation without cards, in the organisation's
 * default language (a new one gets the demo organisation, in Hungarian). Keeps what is there: the
 * organisation, an active admin, users with a demo email, groups with a demo name. Run it inside one
 * transaction: the verbs nest theirs as savepoints, and a failure leaves nothing behind.
 */
export async function seedDemo(db: Db, { now, seed = "arradar-demo", verbEvery = 25, scale = 1, log = () => {} }: SeedDemoOptions): Promise<SeedDemoResult> {
  const rng = createRng(seed);
  const [{ cardCount }] = await db.select({ cardCount: sql<number>`count(*)::int` }).from(cards);
  if (cardCount > 0) throw new DemoSeedRefused(`This installation already has ${cardCount} cards (counting the trash); demo data is only added where there are none.`);
  let [org] = await db.select().from(organisation).limit(1);
  const locale = org?.defaultLocale ?? demoOrganisation.defaultLocale;
  const demo = demoModules(locale).map((m) => ({ ...m, cards: Math.max(1, Math.round(m.cards * scale)) }));
  const words = demoWords(locale);
  const clashes = await db
    .select({ name: modules.name })
    .from(modules)
    .where(inArray(sql`lower(${modules.name})`, demo.map((m) => m.name.toLowerCase())));
  if (clashes.length) throw new DemoSeedRefused(`Modules named ${clashes.map((m) => `"${m.name}"`).join(", ")} already exist.`);

  // The organisation, when this is a brand-new installation (no setup done yet).
  if (!org) [org] = await db.insert(organisation).values({ id: 1, ...demoOrganisation }).returning();
  const cal = orgCalendar(now, org.timeZone);

  const [existingAdmin] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  const wanted: DemoUser[] = existingAdmin ? demoStaff : [demoAdmin, ...demoStaff];
  const taken = new Set(
    (
      await db
        .select({ email: sql<string>`lower(${users.email})` })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, wanted.map((u) => u.email.toLowerCase())))
    ).map((u) => u.email),
  );
  const toCreate = wanted.filter((u) => !taken.has(u.email.toLowerCase()));
  log(`Hashing ${toCreate.length} passwords…`);
  const hashes = await Promise.all(toCreate.map(() => hashPassword(demoPassword)));
  const created = toCreate.length
    ? await db
        .insert(users)
        .values(toCreate.map((u, i) => ({ email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, locale: u.locale, passwordHash: hashes[i], createdAt: new Date(now.getTime() - 400 * 86_400_000) })))
        .returning({ id: users.id, email: users.email })
    : [];
  const idByEmail = new Map(created.map((u) => [u.email.toLowerCase(), u.id]));
  const adminId = existingAdmin?.id ?? idByEmail.get(demoAdmin.email)!;

  // Groups (reused when they exist) and memberships.
  const groupIds = new Map<string, string>();
  for (const country of countries) {
    const name = demoGroupName(country, locale);
    const [found] = await db.select({ id: groups.id }).from(groups).where(eq(sql`lower(${groups.name})`, name.toLowerCase()));
    groupIds.set(country, found?.id ?? (await db.insert(groups).values({ name, timeZone: demoGroupTimeZones[country] }).returning({ id: groups.id }))[0].id);
  }
  await db.insert(currencyRates).values(demoCurrencyRates(now)).onConflictDoNothing();
  const staff = toCreate.filter((u) => u.key !== "admin");
  const memberships = staff.flatMap((u) => u.groups.map((g) => ({ groupId: groupIds.get(g)!, userId: idByEmail.get(u.email)! })));
  if (memberships.length) await db.insert(groupMembers).values(memberships).onConflictDoNothing();

  const seedUsers = new Map<string, SeedUser & { key: string }>();
  for (const u of staff) {
    const id = idByEmail.get(u.email)!;
    seedUsers.set(u.key, { id, key: u.key, role: u.role, team: u.team, firstName: u.firstName, lastName: u.lastName, email: u.email, groupIds: u.groups.map((g) => groupIds.get(g)!) });
  }
  const byKey = (key: string) => seedUsers.get(key);
  const actors = new Map<string, Actor>();
  for (const u of seedUsers.values()) actors.set(u.id, { id: u.id, email: u.email, firstName: u.firstName, lastName: u.lastName, role: u.role, locale: null, groupIds: u.groupIds });
  const [adminRow] = await db.select().from(users).where(eq(users.id, adminId));
  const admin: SeedUser = { id: adminId, role: "admin", team: "office", firstName: adminRow.firstName, lastName: adminRow.lastName, email: adminRow.email, groupIds: [] };
  actors.set(adminId, { ...admin, locale: null });
  // Cards nobody owns yet are entered by the manager (or the admin).
  const dispatcher = byKey("manager") ?? admin;

  // Modules with their pipelines and fields.
  const [{ maxPosition }] = await db.select({ maxPosition: sql<number>`coalesce(max(${modules.position}), -1)::int` }).from(modules);
  const seedModules: SeedModule[] = [];
  for (const [index, m] of demo.entries()) {
    const [row] = await db.insert(modules).values({ name: m.name, position: maxPosition + 1 + index }).returning({ id: modules.id });
    const statusRows = await db
      .insert(statuses)
      .values(m.statuses.map((s, position) => ({ moduleId: row.id, name: s.name, group: s.group, color: s.color, position })))
      .returning({ id: statuses.id });
    const fieldRows = await db
      .insert(fields)
      .values(m.fields.map((f, position) => ({ moduleId: row.id, name: f.name, type: f.type, options: f.options ?? {}, required: f.required ?? false, position })))
      .returning({ id: fields.id });
    seedModules.push({
      ...m,
      id: row.id,
      statuses: m.statuses.map((s, i) => ({ ...s, id: statusRows[i].id })),
      fields: m.fields.map((f, i) => ({ ...f, id: fieldRows[i].id, archivedAt: null, required: f.required ?? false, options: f.options ?? {} })),
    });
  }
  log(`Organisation, ${created.length} users, ${groupIds.size} groups and ${seedModules.length} modules ready.`);

  // Companies and their people, then every card's life.
  const companyNames = new Set<string>();
  const companiesOf = new Map<Country, DemoCompany[]>();
  for (const country of countries) {
    const { cards: cardCount } = seedModules.find((m) => m.key === country)!;
    companiesOf.set(country, Array.from({ length: Math.ceil(cardCount * 0.85) }, () => makeCompany(country, rng, companyNames, words.contactNotes)));
  }
  const allCompanies = countries.flatMap((c) => companiesOf.get(c)!);
  const salespeople = (team: string) => [...seedUsers.values()].filter((u) => u.team === team && u.role === "normal");

  const plans: { plan: CardPlan; module: SeedModule }[] = [];
  for (const seedModule of seedModules) {
    const service = seedModule.key === "cs";
    const team = service ? "cs" : seedModule.key;
    const sellers = salespeople(team);
    const ownerWeights: (readonly [SeedUser | null, number])[] = [
      ...sellers.map((u) => [u, 1] as const),
      ...[...seedUsers.values()].filter((u) => u.team === team && u.role === "group_manager").map((u) => [u, 0.25] as const),
      ...[...seedUsers.values()].filter((u) => u.team === team && u.role === "restricted").map((u) => [u, 0.35] as const),
      [null, service ? 0.06 : sellers.length * 0.02],
    ];
    const pool = service ? allCompanies : companiesOf.get(seedModule.key as Country)!;
    const used = new Set<DemoCompany>();
    for (let i = 0; i < seedModule.cards; i++) {
      const company = service || i >= pool.length ? rng.pick(pool) : pool[i];
      const owner = rng.weighted(ownerWeights);
      const name = service
        ? `${rng.pick(words.serviceTopics)} – ${company.company.name}`
        : used.has(company)
          ? `${company.company.name} – ${rng.pick(words.secondDealSuffixes)}`
          : company.company.name;
      used.add(company);
      const colleagues = service
        ? [...sellers, ...salespeople(company.country)].filter((u) => u.id !== owner?.id)
        : sellers.filter((u) => u.id !== owner?.id);
      plans.push({ plan: planCard({ rng, cal, module: seedModule, name, company, owner, colleagues, dispatcher }), module: seedModule });
    }
  }

  // Contacts exist from their first card on.
  const firstUse = new Map<string, CardPlan>();
  for (const { plan } of plans) {
    for (const id of plan.contactIds) {
      const seen = firstUse.get(id);
      if (!seen || seen.createdAt > plan.createdAt) firstUse.set(id, plan);
    }
  }
  const contactRows: DemoContact[] = allCompanies.flatMap(({ company, people }) => {
    const first = firstUse.get(company.id) ?? people.map((p) => firstUse.get(p.id)).find(Boolean);
    const createdAt = first ? new Date(first.createdAt.getTime() - 60_000) : new Date(now.getTime() - 300 * 86_400_000);
    const createdById = first?.createdById ?? adminId;
    return [company, ...people].map((c) => ({ ...c, createdAt, updatedAt: createdAt, createdById }));
  });
  await insertChunks(contactRows, 500, (chunk) => db.insert(contacts).values(chunk));
  const contactNames = new Map(contactRows.map((c) => [c.id, c.name]));
  log(`${contactRows.length} contacts written.`);

  // Most cards in bulk, with the rows the verbs would write…
  const bulk = plans.filter((_, i) => i % verbEvery !== 0).map(({ plan, module }) => planRows(plan, module, contactNames));
  await insertChunks(bulk.map((r) => r.card), 500, (chunk) => db.insert(cards).values(chunk));
  await insertChunks(bulk.flatMap((r) => r.links), 1000, (chunk) => db.insert(cardContacts).values(chunk));
  await insertChunks(bulk.flatMap((r) => r.todos), 500, (chunk) => db.insert(todos).values(chunk));
  await insertChunks(bulk.flatMap((r) => r.history), 1000, (chunk) => db.insert(history).values(chunk));
  log(`${bulk.length} cards written in bulk.`);

  // Fresh statistics before anything reads: PGlite has no autovacuum, and without them the planner
  // picks plans that make the verbs and the set-based refresh hundreds of times slower.
  await db.execute(sql`analyze`);

  // …and every n-th through the real verbs, with `now` moved back to when each thing happened.
  const played = plans.filter((_, i) => i % verbEvery === 0);
  for (const { plan } of played) await playPlan(db, plan, actors, org.timeZone);
  log(`${played.length} cards played through the verbs.`);

  await refreshAllDenormalised(db);
  await db.execute(sql`analyze cards, card_assignees`);
  log("Next todos, per-assignee rows and search text computed.");

  return {
    admin: { email: existingAdmin?.email ?? demoAdmin.email, created: !existingAdmin },
    users: toCreate.map((u) => ({ name: `${u.lastName} ${u.firstName}`, email: u.email, role: u.role, team: u.team })),
    skippedUsers: wanted.filter((u) => taken.has(u.email.toLowerCase())).map((u) => u.email),
    cardsViaVerbs: played.length,
    cardsInBulk: bulk.length,
  };
}
