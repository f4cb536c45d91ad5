import type { FieldOptions, FieldValue, Role, TodoType } from "@/db/schema";
import { addDays, officeTime, openTodoDeadline, type DeadlineBucket, type OrgCalendar } from "./calendar";
import { budgetRange, type DemoTeam } from "./company";
import type { DemoField, DemoModule, DemoStatus, TodoTemplate } from "./content";
import type { DemoCompany } from "./contacts";
import type { Rng } from "./random";

/**
 * The life of one demo card, decided up front: created, then a few steps (todos done, then a
 * status / field / owner change), ending in an open status with its next todo(s) or in won/lost.
 * The same plan is either played through the real verbs or written in bulk (see write-plans.ts).
 */

export type SeedUser = { id: string; role: Role; team: DemoTeam; firstName: string; lastName: string; email: string; groupIds: string[] };
export type SeedModule = Omit<DemoModule, "statuses" | "fields"> & {
  id: string;
  statuses: (DemoStatus & { id: string })[];
  fields: (DemoField & { id: string; options: FieldOptions; required: boolean; archivedAt: null })[];
};

export type PlannedTodo = {
  id: string;
  text: string;
  type: TodoType;
  assigneeId: string;
  createdById: string;
  createdAt: Date;
  deadline: Date;
  completedAt: Date | null;
};
export type PlannedUpdate = { at: Date; actorId: string; statusId?: string; ownerId?: string | null; values?: Record<string, FieldValue> };
export type PlannedStep = { done: PlannedTodo[]; update: PlannedUpdate };
export type CardPlan = {
  id: string;
  moduleId: string;
  name: string;
  createdAt: Date;
  createdById: string;
  /** The owner at creation (an owner change in a step may hand it over). */
  ownerId: string | null;
  statusId: string;
  /** Field id → value, as the form would send them. */
  values: Record<string, FieldValue>;
  contactIds: string[];
  steps: PlannedStep[];
  open: PlannedTodo[];
};

export type PlanInput = {
  rng: Rng;
  cal: OrgCalendar;
  module: SeedModule;
  name: string;
  company: DemoCompany;
  owner: SeedUser | null;
  /** Who else may get a todo on this card (they must be able to see it). */
  colleagues: SeedUser[];
  /** Who enters cards nobody owns yet (a manager). */
  dispatcher: SeedUser;
};

const HOUR = 3_600_000;
const toMinute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
const DAY = 24 * HOUR;

type Outcome = { path: string[] };

const salesOutcome = (rng: Rng): Outcome => {
  const end = rng.weighted([
    ["new", 12],
    ["qualify", 14],
    ["offer", 12],
    ["follow", 14],
    ["sign", 8],
    ["won", 22],
    ["lost", 12],
    ["unreachable", 6],
  ] as const);
  const pipeline = ["new", "qualify", "offer", "follow", "sign"];
  if (end === "won") return { path: [...pipeline.filter((s) => s === "new" || s === "sign" || !rng.chance(0.2)), "won"] };
  if (end === "lost") return { path: [...pipeline.slice(0, rng.int(2, 5)), "lost"] };
  if (end === "unreachable") return { path: [...pipeline.slice(0, rng.int(1, 2)), "unreachable"] };
  return { path: pipeline.slice(0, pipeline.indexOf(end) + 1) };
};

const serviceOutcome = (rng: Rng): Outcome => {
  const end = rng.weighted([
    ["new", 10],
    ["investigate", 15],
    ["waiting", 10],
    ["solved", 55],
    ["closed", 10],
  ] as const);
  if (end === "solved") return { path: rng.chance(0.4) ? ["new", "solved"] : ["new", "investigate", ...(rng.chance(0.5) ? ["waiting"] : []), "solved"] };
  if (end === "closed") return { path: ["new", "investigate", "closed"] };
  return { path: ["new", "investigate", "waiting"].slice(0, ["new", "investigate", "waiting"].indexOf(end) + 1) };
};

/** An office-hours instant on the local day of a random moment in [from, to]; the raw moment if that falls outside. */
function officeMoment(rng: Rng, cal: OrgCalendar, from: Date, to: Date): Date {
  const raw = new Date(from.getTime() + rng.next() * Math.max(0, to.getTime() - from.getTime()));
  const hour = String(rng.int(8, 17)).padStart(2, "0");
  const snapped = cal.at(cal.dateOf(raw), `${hour}:${rng.pick(["00", "15", "30", "45"])}`);
  return snapped > from && snapped < to ? snapped : raw;
}

export function planCard({ rng, cal, module, name, company, owner, colleagues, dispatcher }: PlanInput): CardPlan {
  const service = module.key === "cs";
  const status = (key: string) => module.statuses.find((s) => s.key === key)!;
  const field = (key: string) => module.fields.find((f) => f.key === key);
  const templates: Record<string, TodoTemplate[]> = module.todos;
  const { path } = service ? serviceOutcome(rng) : salesOutcome(rng);
  const final = status(path[path.length - 1]);

  // Who works on it: the owner mostly, now and then a colleague.
  const worker = () => (owner && (colleagues.length === 0 || rng.chance(0.85)) ? owner : rng.pick(colleagues.length ? colleagues : [dispatcher]));
  // Now and then a colleague started the card and handed it over in the first step.
  const handedOver = owner && owner.role !== "restricted" && !service && path.length > 1 && colleagues.length > 1 && rng.chance(0.05);
  const initialOwner = handedOver ? rng.pick(colleagues.filter((c) => c.id !== owner.id)) : owner;
  const creator = initialOwner ?? dispatcher;

  // Open todos first: their deadlines decide when the last step happened.
  const open: PlannedTodo[] = [];
  const openTemplates = templates[final.key] ?? [];
  const wantsOpen = final.group === "open" ? rng.chance(0.93) : final.key === "won" ? rng.chance(0.15) : false;
  if (wantsOpen && openTemplates.length) {
    const buckets: DeadlineBucket[] = [
      final.group === "open"
        ? rng.weighted([["overdue", 18], ["today", 17], ["tomorrow", 20], ["later", 45]] as const)
        : rng.weighted([["tomorrow", 1], ["later", 3]] as const),
    ];
    if (final.group === "open" && rng.chance(0.12)) buckets.push(rng.weighted([["today", 1], ["tomorrow", 1], ["later", 3]] as const));
    for (const bucket of buckets) {
      const template = rng.pick(openTemplates);
      open.push({
        id: rng.uuid(),
        ...template,
        assigneeId: worker().id,
        createdById: creator.id,
        createdAt: cal.now, // set below, once the last step's time is known
        deadline: toMinute(openTodoDeadline(cal, rng, bucket).getTime()),
        completedAt: null,
      });
    }
  }

  // When it all happened: closed cards some days or weeks ago, open ones up to shortly before now.
  const earliestDeadline = open.reduce((min, t) => Math.min(min, t.deadline.getTime()), Infinity);
  let end =
    final.group === "open"
      ? Math.min(cal.now.getTime() - rng.int(20, 600) * 60_000, earliestDeadline - rng.int(4, 96) * HOUR)
      : cal.now.getTime() - rng.weighted([[rng.int(0, 7), 3], [rng.int(8, 40), 4], [rng.int(41, 200), 3]] as const) * DAY - rng.int(1, 8) * HOUR;
  if (final.key === "won" && open.length) end = Math.min(end, cal.now.getTime() - rng.int(1, 5) * DAY);
  const endAt = new Date(Math.min(end, cal.now.getTime() - 10 * 60_000));
  const span = (path.length - 1) * rng.int(2, 9) * DAY + rng.int(1, 5) * DAY;
  let createdAt = cal.pastOfficeInstant(rng, Math.ceil((cal.now.getTime() - (endAt.getTime() - span)) / DAY));
  const shortly = rng.int(1, 48) * HOUR;
  if (createdAt.getTime() > endAt.getTime() - 30 * 60_000) createdAt = new Date(endAt.getTime() - shortly);

  // Step boundaries between creation and the end, in order.
  const cuts = Array.from({ length: path.length - 1 }, () => officeMoment(rng, cal, createdAt, endAt)).sort((a, b) => a.getTime() - b.getTime());

  const values: Record<string, FieldValue> = {};
  const set = (target: Record<string, FieldValue>, key: string, value: FieldValue) => {
    const f = field(key);
    if (f) target[f.id] = value;
  };
  const choice = (key: string, weights?: number[]) => {
    const list = field(key)?.options?.choices ?? [];
    return weights ? rng.weighted(list.map((c, i) => [c.id, weights[i] ?? 1] as const)) : rng.pick(list).id;
  };
  const currency = field("budget")?.options?.currency ?? "EUR";
  const budget = () => {
    const [min, max, step] = budgetRange[currency] ?? [100, 1000, 10];
    return { amount: Math.round((min + rng.next() ** 2 * (max - min)) / step) * step, currency };
  };

  if (service) {
    set(values, "priority", choice("priority", [2, 6, 3, 1]));
    set(values, "channel", choice("channel", [4, 5, 2]));
    if (rng.chance(0.4)) set(values, "page", company.company.website);
  } else {
    set(values, "source", choice("source", [5, 3, 2, 1, 1]));
    if (rng.chance(0.8)) set(values, "website", company.company.website);
    const categories = field("categories")?.options?.choices ?? [];
    if (categories.length && rng.chance(0.6)) {
      set(values, "categories", [...new Set([rng.pick(categories).id, rng.pick(categories).id])]);
    }
  }

  let currentBudget: FieldValue = null;
  const steps: PlannedStep[] = [];
  let from = createdAt;
  path.slice(1).forEach((next, i) => {
    const at = cuts[i];
    const previous = path[i];
    const stepTemplates = templates[previous] ?? templates.new;
    const done: PlannedTodo[] = [];
    const extra = rng.chance(0.25) ? 1 : 0;
    for (let k = 0; k <= extra; k++) {
      const template = rng.pick(stepTemplates);
      const completedAt = toMinute(Math.max(at.getTime() - rng.int(5, 90) * 60_000 * (extra - k + 1), from.getTime() + 2 * 60_000));
      const createdAt = toMinute(Math.min(from.getTime() + rng.int(1, 30) * 60_000, completedAt.getTime() - 60_000));
      // Due at an office hour on the day it was done, or the day before (done a little late).
      const deadline = cal.at(rng.chance(0.25) ? addDays(cal.dateOf(completedAt), -1) : cal.dateOf(completedAt), officeTime(rng));
      done.push({
        id: rng.uuid(),
        ...template,
        assigneeId: worker().id,
        createdById: creator.id,
        createdAt,
        deadline: deadline > createdAt ? deadline : completedAt,
        completedAt,
      });
    }
    const update: PlannedUpdate = { at: new Date(Math.max(at.getTime(), ...done.map((t) => t.completedAt!.getTime() + 60_000))), actorId: (owner ?? dispatcher).id, statusId: status(next).id };
    const changed: Record<string, FieldValue> = {};
    if (!service) {
      if ((next === "follow" || (next === "sign" && currentBudget === null)) && currentBudget === null) {
        currentBudget = budget();
        set(changed, "budget", currentBudget);
        set(changed, "package", choice("package", [3, 4, 2]));
        set(changed, "close", addDays(cal.dateOf(update.at), rng.int(14, 60)));
      } else if (next === "sign" && rng.chance(0.4)) {
        currentBudget = budget();
        set(changed, "budget", currentBudget);
      }
      if (next === "won") {
        set(changed, "signed", true);
        set(changed, "close", cal.dateOf(update.at));
      }
    } else {
      if (next === "investigate" && rng.chance(0.5)) set(changed, "due", addDays(cal.dateOf(update.at), rng.int(3, 10)));
      if (rng.chance(0.08)) set(changed, "priority", choice("priority", [0, 0, 3, 1]));
    }
    if (Object.keys(changed).length) update.values = changed;
    if (i === 0 && handedOver && initialOwner) {
      update.ownerId = owner.id;
      update.actorId = initialOwner.id;
    }
    steps.push({ done, update });
    from = update.at;
  });

  // The next todos were entered with the last step (or at creation).
  for (const t of open) t.createdAt = new Date(Math.min(Math.max(endAt.getTime(), from.getTime()), cal.now.getTime()));

  return {
    id: rng.uuid(),
    moduleId: module.id,
    name,
    createdAt,
    createdById: creator.id,
    ownerId: initialOwner?.id ?? null,
    statusId: status(path[0]).id,
    values,
    contactIds: [company.company.id, ...company.people.slice(0, rng.weighted([[1, 7], [2, 3]] as const)).map((p) => p.id)],
    steps,
    open,
  };
}
