/**
 * The demo organisation: a price-comparison company selling listings in four countries from one
 * Budapest office (the example in the source: sales teams of 5, 4, 3 and 1 people), with a
 * customer-service team. Everything here is fixed, so every seeded installation looks the same; the
 * words (modules, statuses, todos…) come in the organisation's language from content.ts.
 */
import type { Role } from "@/db/schema";
import type { Country } from "./names";

export const demoOrganisation = { name: "ÁrRadar Kft.", timeZone: "Europe/Budapest", defaultLocale: "hu" as const };
/** Each country team keeps its own calendar (reports count its days there; automations wait by it). Hungary's is the organisation's. */
export const demoGroupTimeZones: Record<string, string | null> = { hu: null, ro: "Europe/Bucharest", bg: "Europe/Sofia", pt: "Europe/Lisbon" };

/** Forints per euro and per leu, month by month over the demo's 15 months (near 2026's levels): reports convert with them. */
export function demoCurrencyRates(now: Date): { currency: string; month: string; rate: number }[] {
  return Array.from({ length: 15 }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 14 + i, 1)).toISOString().slice(0, 10);
    const wobble = Math.sin(i / 2) * 4;
    return [
      { currency: "EUR", month, rate: Math.round((392 + wobble) * 100) / 100 },
      { currency: "RON", month, rate: Math.round((78.6 + wobble / 5) * 100) / 100 },
    ];
  }).flat();
}

export const staffDomain = "arradar.example";
/** One password for every demo user, printed at the end of the seed. */
export const demoPassword = "arradar-demo-2026";

export type DemoTeam = Country | "cs" | "office";
export type DemoUser = {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  team: DemoTeam;
  /** The country teams (groups) they belong to. */
  groups: Country[];
  locale: "hu" | "en";
};

const person = (
  key: string,
  firstName: string,
  lastName: string,
  local: string,
  role: Role,
  team: DemoTeam,
): DemoUser => ({
  key,
  firstName,
  lastName,
  email: `${local}@${staffDomain}`,
  role,
  team,
  groups: team === "cs" || team === "office" ? [] : [team],
  locale: team === "hu" || team === "office" || team === "cs" ? "hu" : "en",
});

/** The first admin, when the installation has none yet. */
export const demoAdmin = person("admin", "Ádám", "Kertész", "admin", "admin", "office");

export const demoStaff: DemoUser[] = [
  person("manager", "Judit", "Szalai", "judit.szalai", "manager", "office"),
  person("gm-hu", "Gergely", "Bíró", "gergely.biro", "group_manager", "hu"),
  person("gm-ro", "Ioana", "Mureșan", "ioana.muresan", "group_manager", "ro"),
  person("hu-1", "Eszter", "Nagy", "eszter.nagy", "normal", "hu"),
  person("hu-2", "Bence", "Kovács", "bence.kovacs", "normal", "hu"),
  person("hu-3", "Réka", "Tóth", "reka.toth", "normal", "hu"),
  person("hu-4", "Dávid", "Varga", "david.varga", "normal", "hu"),
  person("hu-5", "Petra", "Horváth", "petra.horvath", "normal", "hu"),
  person("ro-1", "Andrei", "Popescu", "andrei.popescu", "normal", "ro"),
  person("ro-2", "Elena", "Ionescu", "elena.ionescu", "normal", "ro"),
  person("ro-3", "Mihai", "Stoica", "mihai.stoica", "normal", "ro"),
  person("ro-4", "Raluca", "Dumitru", "raluca.dumitru", "normal", "ro"),
  person("bg-1", "Георги", "Петров", "georgi.petrov", "normal", "bg"),
  person("bg-2", "Десислава", "Иванова", "desislava.ivanova", "normal", "bg"),
  person("bg-3", "Николай", "Тодоров", "nikolay.todorov", "normal", "bg"),
  person("pt-1", "João", "Ferreira", "joao.ferreira", "normal", "pt"),
  person("cs-1", "Nóra", "Fekete", "nora.fekete", "normal", "cs"),
  person("cs-2", "Márton", "Lakatos", "marton.lakatos", "normal", "cs"),
  // A trainee in Hungary who sees only their own and unowned cards.
  person("trainee", "Levente", "Oláh", "levente.olah", "restricted", "hu"),
];

/** Typical monthly listing budgets per currency: [min, max, rounding]. */
export const budgetRange: Record<string, [number, number, number]> = {
  HUF: [80_000, 1_500_000, 10_000],
  RON: [1_000, 20_000, 100],
  EUR: [200, 4_000, 50],
};
