/**
 * The demo organisation: a price-comparison company selling listings in four countries from one
 * Budapest office (the example in the source: sales teams of 5, 4, 3 and 1 people), with a
 * customer-service team. Everything here is fixed, so every seeded installation looks the same.
 */
import type { FieldOptions, FieldType, Role, StatusGroup, TodoType } from "@/db/schema";
import type { Country } from "./names";

export const demoOrganisation = { name: "ÁrRadar Kft.", timeZone: "Europe/Budapest", defaultLocale: "hu" as const };
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
  /** Group names. */
  groups: string[];
  locale: "hu" | "en";
};

export const demoGroups = ["Hungary", "Romania", "Bulgaria", "Portugal"] as const;
const groupOf: Record<Country, (typeof demoGroups)[number]> = { hu: "Hungary", ro: "Romania", bg: "Bulgaria", pt: "Portugal" };

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
  groups: team === "cs" || team === "office" ? [] : [groupOf[team]],
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

export type DemoStatus = { key: string; name: string; group: StatusGroup; color: string };
export type DemoField = { key: string; name: string; type: FieldType; options?: FieldOptions; required?: boolean };
export type DemoModule = {
  key: DemoTeam;
  name: string;
  /** How many cards the seed creates in it. */
  cards: number;
  statuses: DemoStatus[];
  fields: DemoField[];
};

const choices = (...labels: string[]) => ({
  choices: labels.map((label) => ({
    id: label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, ""),
    label,
  })),
});

export const salesStatuses: DemoStatus[] = [
  { key: "new", name: "New lead", group: "open", color: "#2563eb" },
  { key: "qualify", name: "Call to qualify", group: "open", color: "#7c3aed" },
  { key: "offer", name: "Send offer", group: "open", color: "#0891b2" },
  { key: "follow", name: "Follow up offer", group: "open", color: "#d97706" },
  { key: "sign", name: "Get contract signed", group: "open", color: "#db2777" },
  { key: "won", name: "Won", group: "won", color: "#16a34a" },
  { key: "lost", name: "Lost", group: "lost", color: "#dc2626" },
  { key: "unreachable", name: "Not reachable", group: "lost", color: "#64748b" },
];

export const serviceStatuses: DemoStatus[] = [
  { key: "new", name: "New ticket", group: "open", color: "#2563eb" },
  { key: "investigate", name: "Investigate", group: "open", color: "#7c3aed" },
  { key: "waiting", name: "Waiting for customer", group: "open", color: "#d97706" },
  { key: "solved", name: "Solved", group: "won", color: "#16a34a" },
  { key: "closed", name: "Closed without fix", group: "lost", color: "#64748b" },
];

const salesFields = (currency: string): DemoField[] => [
  { key: "budget", name: "Monthly budget", type: "money", options: { currency } },
  { key: "source", name: "Source", type: "select", options: choices("Web form", "Cold call", "Referral", "Trade fair", "Partner") },
  { key: "package", name: "Package", type: "select", options: choices("Basic listing", "Pro listing", "Premium + product feed") },
  { key: "categories", name: "Categories", type: "multi_select", options: choices("Electronics", "Home & garden", "Fashion", "Sport", "Travel", "Auto parts") },
  { key: "close", name: "Expected close", type: "date" },
  { key: "website", name: "Web shop", type: "url" },
  { key: "signed", name: "Contract signed", type: "checkbox" },
];

const serviceFields: DemoField[] = [
  { key: "priority", name: "Priority", type: "select", options: choices("Low", "Normal", "High", "Urgent"), required: true },
  { key: "channel", name: "Channel", type: "select", options: choices("Phone", "Email", "Chat") },
  { key: "due", name: "Promised by", type: "date" },
  { key: "page", name: "Affected page", type: "url" },
];

export const demoModules: DemoModule[] = [
  { key: "hu", name: "Sales HU", cards: 600, statuses: salesStatuses, fields: salesFields("HUF") },
  { key: "ro", name: "Sales RO", cards: 450, statuses: salesStatuses, fields: salesFields("RON") },
  // Bulgaria joined the euro on 1 January 2026.
  { key: "bg", name: "Sales BG", cards: 330, statuses: salesStatuses, fields: salesFields("EUR") },
  { key: "pt", name: "Sales PT", cards: 170, statuses: salesStatuses, fields: salesFields("EUR") },
  { key: "cs", name: "Customer service", cards: 450, statuses: serviceStatuses, fields: serviceFields },
];

/** Typical monthly listing budgets per currency: [min, max, rounding]. */
export const budgetRange: Record<string, [number, number, number]> = {
  HUF: [80_000, 1_500_000, 10_000],
  RON: [1_000, 20_000, 100],
  EUR: [200, 4_000, 50],
};

export type TodoTemplate = { text: string; type: TodoType };

/** What is to be done in each status — the todo that moves the card on. */
export const salesTodos: Record<string, TodoTemplate[]> = {
  new: [
    { text: "Call the lead, ask about their shop", type: "call" },
    { text: "Look up their web shop before calling", type: "task" },
  ],
  qualify: [
    { text: "Qualifying call: categories and product count", type: "call" },
    { text: "Call back, they asked for next week", type: "call" },
    { text: "Send the intro email with the media kit", type: "email" },
  ],
  offer: [
    { text: "Prepare the offer", type: "task" },
    { text: "Send the offer with the price list", type: "email" },
    { text: "Online demo of the merchant dashboard", type: "meeting" },
  ],
  follow: [
    { text: "Follow-up call about the offer", type: "call" },
    { text: "Remind them of the offer by email", type: "email" },
    { text: "Meeting at their office", type: "meeting" },
  ],
  sign: [
    { text: "Send the contract for signature", type: "email" },
    { text: "Check the signed contract arrived", type: "task" },
    { text: "Call about the missing signature", type: "call" },
  ],
  won: [
    { text: "Check the product feed import", type: "task" },
    { text: "Onboarding call: first month's clicks", type: "call" },
  ],
};

export const serviceTodos: Record<string, TodoTemplate[]> = {
  new: [
    { text: "Call the customer back", type: "call" },
    { text: "Reply to the ticket", type: "email" },
  ],
  investigate: [
    { text: "Reproduce the problem", type: "task" },
    { text: "Ask the developers about the feed error", type: "task" },
    { text: "Check the invoice in billing", type: "task" },
  ],
  waiting: [
    { text: "Remind the customer to send the file", type: "email" },
    { text: "Call if no answer yet", type: "call" },
  ],
};

export const serviceTopics = [
  "Product feed import fails",
  "Invoice question",
  "Listing not visible",
  "Prices not updated",
  "Cannot log in to the dashboard",
  "Change of billing address",
  "Click report request",
  "Wrong category mapping",
  "Cancel subscription",
  "Duplicate products in listing",
];

export const secondDealSuffixes = ["renewal", "extra category", "second web shop", "feed upgrade"];
