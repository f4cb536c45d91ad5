/**
 * Bulk data for the benchmark: 100,000 cards, 1,000,000 todos, ~2,000,000 history rows, 100,000
 * contacts, 5 modules and 20 users, streamed into PostgreSQL with COPY … FROM STDIN (CSV).
 * Every card's rows come from a generator seeded by the card's number, so each table is streamed
 * in its own pass without holding millions of rows in memory.
 */
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type postgres from "postgres";
import type { Role } from "@/db/schema";
import { createRng, type Rng } from "@/lib/demo/random";

export const benchShape = { cards: 100_000, companies: 40_000, modules: 5, bigModuleCards: 60_000 };
const DAY = 86_400_000;

export type BenchUser = { id: string; email: string; firstName: string; lastName: string; role: Role; groupIds: string[] };
export type BenchModule = { id: string; name: string; statusIds: string[]; openStatusIds: string[]; fieldIds: string[] };
export type BenchWorld = {
  users: BenchUser[];
  groups: { id: string; name: string }[];
  modules: BenchModule[];
  /** The quick-search term: an email domain shared by a few hundred cards. */
  searchTerm: string;
  now: Date;
};

const w1 = ["duna", "tisza", "alfa", "bravo", "kappa", "delta", "nova", "terra", "astra", "aqua", "sigma", "vega", "orion", "lyra", "polar", "rubin", "jade", "cedar", "maple", "ember"];
const w2 = ["trans", "bau", "soft", "print", "agro", "medic", "tex", "food", "parts", "tours"];
const firstNames = ["Anna", "Eszter", "Bence", "Dávid", "Andrei", "Elena", "Georgi", "Maria", "João", "Ana", "Péter", "Réka", "Mihai", "Ioana", "Nikolay", "Sofia"];
const lastNames = ["Nagy", "Kovács", "Tóth", "Szabó", "Popescu", "Ionescu", "Petrov", "Ivanova", "Silva", "Santos", "Varga", "Horváth", "Stoica", "Dumitru", "Todorov", "Ferreira"];
const todoTexts = ["Call back about the offer", "Send the price list", "Online demo", "Check the feed import", "Prepare the contract", "Follow-up email", "Meeting at their office"];
const todoTypes = ["call", "email", "meeting", "task"] as const;

/** CSV field: NULL as an empty unquoted field, everything else quoted when it needs to be. */
function csv(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? value : String(value);
  return s === "" || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (values: (string | number | boolean | null | undefined)[]) => values.map(csv).join(",") + "\n";
const pgArray = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** Users, groups and modules: small, fixed, inserted first. */
export function makeWorld(now: Date): BenchWorld {
  const rng = createRng("bench-world");
  const groups = ["Hungary", "Romania", "Bulgaria", "Portugal"].map((name) => ({ id: rng.uuid(), name }));
  const roles: Role[] = [
    "admin",
    "manager",
    "manager",
    "group_manager",
    ...Array<Role>(12).fill("normal"),
    "restricted",
    "restricted",
    "restricted",
    "group_restricted",
  ];
  const users = roles.map((role, i) => ({
    id: rng.uuid(),
    email: i === 0 ? "bench-admin@bench.example" : `user${i}@bench.example`,
    firstName: firstNames[i % firstNames.length],
    lastName: lastNames[(i * 7) % lastNames.length],
    role,
    groupIds: role === "admin" || role === "manager" ? [] : [groups[i % groups.length].id],
  }));
  const modules = ["Sales HU", "Sales RO", "Sales BG", "Sales PT", "Customer service"].map((name) => {
    const statusIds = Array.from({ length: 6 }, () => rng.uuid());
    return { id: rng.uuid(), name, statusIds, openStatusIds: statusIds.slice(0, 4), fieldIds: Array.from({ length: 4 }, () => rng.uuid()) };
  });
  return { users, groups, modules, searchTerm: `${w1[3]}${w2[1]}`, now };
}

type CardGen = {
  id: string;
  moduleIndex: number;
  statusIndex: number;
  ownerId: string | null;
  companyIndex: number;
  personIndexes: number[];
  createdAt: number;
  name: string;
  rng: Rng;
};

/** Card n's facts (module, status, owner, contacts, creation time), the same in every pass. */
function cardGen(world: BenchWorld, n: number): CardGen {
  const rng = createRng(`bench-card-${n}`);
  const moduleIndex = n < benchShape.bigModuleCards ? 0 : 1 + ((n - benchShape.bigModuleCards) % (benchShape.modules - 1));
  const statusIndex = rng.weighted([[0, 15], [1, 15], [2, 15], [3, 15], [4, 25], [5, 15]] as const);
  const owners = world.users.slice(1);
  const ownerId = rng.chance(0.02)
    ? null
    : rng.weighted(owners.map((u) => [u.id, u.role === "normal" ? 1 : u.role === "restricted" || u.role === "group_restricted" ? 0.4 : 0.2] as const));
  const companyIndex = rng.int(0, benchShape.companies - 1);
  const persons = rng.chance(0.3) ? [0, 1] : [0];
  const createdAt = world.now.getTime() - rng.int(1, 720) * DAY;
  return { id: rng.uuid(), moduleIndex, statusIndex, ownerId, companyIndex, personIndexes: persons, createdAt, name: `${companyName(companyIndex)} – deal ${rng.int(1, 9)}`, rng };
}

const companyName = (i: number) => `${w1[i % w1.length][0].toUpperCase()}${w1[i % w1.length].slice(1)} ${w2[Math.floor(i / w1.length) % w2.length]} ${i} Kft.`;
const companyDomain = (i: number) => `${w1[i % w1.length]}${w2[Math.floor(i / w1.length) % w2.length]}.example`;
// Two people per company; ids derived from the company index so cards can link them without lookups.
const contactRng = (i: number) => createRng(`bench-company-${i}`);

function companyRows(i: number): { id: string; row: string; people: { id: string; row: string; name: string }[]; name: string } {
  const rng = contactRng(i);
  const id = rng.uuid();
  const name = companyName(i);
  const domain = companyDomain(i);
  const people = [0, 1].map(() => {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const pid = rng.uuid();
    const email = `${first}.${last}${rng.int(1, 99)}@${domain}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const personName = `${last} ${first}`;
    return {
      id: pid,
      name: personName,
      row: line([pid, "person", personName, first, last, id, pgArray([email]), pgArray([`+36 30 ${rng.digits(3)} ${rng.digits(4)}`])]),
    };
  });
  return { id, name, people, row: line([id, "company", name, "", "", null, pgArray([`info@${domain}`]), pgArray([`+36 1 ${rng.digits(3)} ${rng.digits(4)}`])]) };
}

/** A card's todos and history, generated together (completed todos become todo_completed rows). */
function cardLife(world: BenchWorld, g: CardGen, personId: (key: string) => string = (key) => key) {
  const { rng } = g;
  const crmModule = world.modules[g.moduleIndex];
  const now = world.now.getTime();
  const open = g.statusIndex < 4;
  const normals = world.users.filter((u) => u.role === "normal");
  const assignee = () => (g.ownerId && rng.chance(0.8) ? g.ownerId : rng.pick(normals).id);
  const total = rng.int(6, 14);
  const openCount = open ? Math.min(total, rng.int(2, 6)) : rng.chance(0.05) ? 1 : 0;
  const todos: { id: string; text: string; type: string; assigneeId: string; deadline: number; completedAt: number | null; createdAt: number }[] = [];
  for (let k = 0; k < total; k++) {
    const text = rng.pick(todoTexts);
    const type = rng.pick(todoTypes);
    const who = assignee();
    if (k < total - openCount) {
      const deadline = g.createdAt + rng.next() * (now - g.createdAt - DAY);
      const createdAt = Math.max(g.createdAt, deadline - rng.int(1, 10) * DAY);
      const completedAt = Math.max(createdAt + 60_000, Math.min(now - 60_000, deadline + rng.int(-48, 24) * 3_600_000));
      todos.push({ id: rng.uuid(), text, type, assigneeId: who, deadline, completedAt, createdAt });
    } else {
      const bucket = rng.weighted([["overdue", 15], ["today", 5], ["tomorrow", 8], ["later", 72]] as const);
      const deadline =
        bucket === "overdue"
          ? now - rng.int(1, 30 * 24 * 60) * 60_000
          : bucket === "today"
            ? now + rng.int(1, 8 * 60) * 60_000
            : bucket === "tomorrow"
              ? now + DAY + rng.int(-4 * 60, 4 * 60) * 60_000
              : now + rng.int(2, 60) * DAY + rng.int(0, 600) * 60_000;
      todos.push({ id: rng.uuid(), text, type, assigneeId: who, deadline, completedAt: null, createdAt: Math.min(now - 60_000, Math.max(g.createdAt, deadline - rng.int(1, 20) * DAY)) });
    }
  }
  const actor = g.ownerId ?? world.users[1].id;
  const history: string[] = [];
  const at = () => g.createdAt + rng.next() * (now - g.createdAt);
  history.push(line([g.id, actor, iso(g.createdAt), "card_created", JSON.stringify({ version: 1, name: g.name, statusId: crmModule.statusIds[0], ownerId: g.ownerId })]));
  for (const p of g.personIndexes) history.push(line([g.id, actor, iso(g.createdAt), "contact_linked", JSON.stringify({ contactId: personId(`${g.companyIndex}:${p}`), name: "" })]));
  for (const t of todos) {
    if (t.completedAt === null) continue;
    history.push(
      line([g.id, t.assigneeId, iso(t.completedAt), "todo_completed", JSON.stringify({ todoId: t.id, text: t.text, type: t.type, assigneeId: t.assigneeId, deadline: iso(t.deadline) })]),
    );
  }
  const extra = Math.max(2, rng.int(16, 24) - history.length);
  let version = 1;
  for (let k = 0; k < extra; k++) {
    version++;
    history.push(
      rng.chance(0.5)
        ? line([g.id, actor, iso(at()), "status_changed", JSON.stringify({ old: rng.pick(crmModule.statusIds), new: rng.pick(crmModule.statusIds), oldName: "A", newName: "B", version })])
        : line([g.id, actor, iso(at()), "field_changed", JSON.stringify({ fieldId: crmModule.fieldIds[0], fieldName: "Budget", fieldType: "money", old: null, new: { amount: rng.int(1, 900) * 1000, currency: "HUF" }, version })]),
    );
  }
  return { todos, history, version, lastActivity: Math.max(g.createdAt, ...todos.map((t) => t.completedAt ?? t.createdAt)) };
}

type CopySink = { write(row: string): Promise<void>; end(): Promise<void> };

/** COPY … FROM STDIN (CSV) on its own connection, with rows buffered into ~256 kB writes and backpressure. */
async function openCopy(sql: postgres.Sql, table: string, columns: string[]): Promise<CopySink> {
  const reserved = await sql.reserve();
  // Skips the foreign-key triggers during the load (superuser only); the generated data is consistent.
  await reserved.unsafe("set session_replication_role = replica").catch(() => undefined);
  const writable = await reserved.unsafe(`copy ${table} (${columns.join(", ")}) from stdin with (format csv)`).writable();
  const done = finished(writable);
  done.catch(() => undefined); // awaited in end()
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const ok = writable.write(parts.join(""));
    parts = [];
    size = 0;
    if (!ok) await once(writable, "drain");
  };
  return {
    async write(row) {
      parts.push(row);
      size += row.length;
      if (size > 256_000) await flush();
    },
    async end() {
      try {
        await flush();
        writable.end();
        await done;
      } finally {
        reserved.release();
      }
    },
  };
}

/**
 * Streams every bulk table with COPY: contacts first, then one pass over the cards that feeds the
 * cards, card_contacts, todos and history streams at once (four connections). Returns row counts.
 */
export async function loadBulk(sql: postgres.Sql, world: BenchWorld, log: (m: string) => void): Promise<Record<string, number>> {
  const counts = { contacts: 0, cards: 0, card_contacts: 0, todos: 0, history: 0 };
  const personIds = new Map<string, string>();
  const companyIds: string[] = [];

  const contactSink = await openCopy(sql, "contacts", ["id", "kind", "name", "first_name", "last_name", "company_id", "emails", "phones"]);
  for (let i = 0; i < benchShape.companies; i++) {
    const c = companyRows(i);
    companyIds.push(c.id);
    await contactSink.write(c.row);
    counts.contacts++;
    for (const [k, p] of c.people.entries()) {
      personIds.set(`${i}:${k}`, p.id);
      await contactSink.write(p.row);
      counts.contacts++;
    }
  }
  await contactSink.end();
  log(`contacts: ${counts.contacts}`);

  const [cardSink, linkSink, todoSink, historySink] = await Promise.all([
    openCopy(sql, "cards", ["id", "module_id", "status_id", "owner_id", "name", "values", "version", "created_by_id", "created_at", "updated_at", "status_entered_at", "last_activity_at"]),
    openCopy(sql, "card_contacts", ["card_id", "contact_id", "position"]),
    openCopy(sql, "todos", ["id", "card_id", "module_id", "text", "type", "assignee_id", "deadline", "completed_at", "completed_by_id", "created_by_id", "created_at", "updated_at"]),
    openCopy(sql, "history", ["card_id", "actor_id", "at", "kind", "data"]),
  ]);
  try {
    for (let n = 0; n < benchShape.cards; n++) {
      const g = cardGen(world, n);
      const crmModule = world.modules[g.moduleIndex];
      const life = cardLife(world, g, (key) => personIds.get(key)!);
      const values = { [crmModule.fieldIds[0]]: { amount: g.rng.int(1, 900) * 1000, currency: "HUF" }, [crmModule.fieldIds[1]]: "web" };
      await cardSink.write(
        line([g.id, crmModule.id, crmModule.statusIds[g.statusIndex], g.ownerId, g.name, JSON.stringify(values), life.version, g.ownerId, iso(g.createdAt), iso(life.lastActivity), iso(g.createdAt), iso(life.lastActivity)]),
      );
      counts.cards++;
      await linkSink.write(line([g.id, companyIds[g.companyIndex], 0]));
      counts.card_contacts++;
      for (const [pos, p] of g.personIndexes.entries()) {
        await linkSink.write(line([g.id, personIds.get(`${g.companyIndex}:${p}`)!, pos + 1]));
        counts.card_contacts++;
      }
      for (const t of life.todos) {
        const completedAt = t.completedAt === null ? null : iso(t.completedAt);
        await todoSink.write(line([t.id, g.id, crmModule.id, t.text, t.type, t.assigneeId, iso(t.deadline), completedAt, completedAt && t.assigneeId, g.ownerId, iso(t.createdAt), completedAt ?? iso(t.createdAt)]));
        counts.todos++;
      }
      for (const row of life.history) {
        await historySink.write(row);
        counts.history++;
      }
      if (n > 0 && n % 25_000 === 0) log(`${n} cards…`);
    }
  } finally {
    await Promise.all([cardSink.end(), linkSink.end(), todoSink.end(), historySink.end()]);
  }
  log(`cards: ${counts.cards}, card_contacts: ${counts.card_contacts}, todos: ${counts.todos}, history: ${counts.history}`);
  return counts;
}
