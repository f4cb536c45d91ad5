/**
 * Everything the demo writes in words — modules, statuses, fields, select options, todos, ticket
 * topics, group names, contact notes — in the organisation's default language. Keys (status, field
 * and choice ids) are the same in both, so a plan reads the same whichever words it wears.
 */
import type { FieldOptions, FieldType, StatusGroup, TodoType } from "@/db/schema";
import type { Country } from "./names";

export type DemoLocale = "hu" | "en";
export type DemoStatus = { key: string; name: string; group: StatusGroup; color: string };
export type DemoField = { key: string; name: string; type: FieldType; options?: FieldOptions; required?: boolean };
export type TodoTemplate = { text: string; type: TodoType };
export type DemoModuleKey = Country | "cs";
export type DemoModule = {
  key: DemoModuleKey;
  name: string;
  /** How many cards the seed creates in it (before any scaling). */
  cards: number;
  statuses: DemoStatus[];
  fields: DemoField[];
  /** What is to be done in each status (by status key) — the todo that moves the card on. */
  todos: Record<string, TodoTemplate[]>;
};

type Words = Record<DemoLocale, string>;
const choices = (...list: [id: string, label: Words][]) => (locale: DemoLocale) => ({ choices: list.map(([id, label]) => ({ id, label: label[locale] })) });
const status = (key: string, group: StatusGroup, color: string, name: Words) => (locale: DemoLocale): DemoStatus => ({ key, group, color, name: name[locale] });
const todo = (type: TodoType, text: Words) => (locale: DemoLocale): TodoTemplate => ({ type, text: text[locale] });

const salesStatuses = [
  status("new", "open", "#2563eb", { en: "New lead", hu: "Új érdeklődő" }),
  status("qualify", "open", "#7c3aed", { en: "Call to qualify", hu: "Minősítő hívás" }),
  status("offer", "open", "#0891b2", { en: "Send offer", hu: "Ajánlatküldés" }),
  status("follow", "open", "#d97706", { en: "Follow up offer", hu: "Ajánlat utánkövetése" }),
  status("sign", "open", "#db2777", { en: "Get contract signed", hu: "Szerződés aláíratása" }),
  status("won", "won", "#16a34a", { en: "Won", hu: "Megnyert" }),
  status("lost", "lost", "#dc2626", { en: "Lost", hu: "Elvesztett" }),
  status("unreachable", "lost", "#64748b", { en: "Not reachable", hu: "Nem elérhető" }),
];

const serviceStatuses = [
  status("new", "open", "#2563eb", { en: "New ticket", hu: "Új bejelentés" }),
  status("investigate", "open", "#7c3aed", { en: "Investigate", hu: "Kivizsgálás" }),
  status("waiting", "open", "#d97706", { en: "Waiting for customer", hu: "Ügyfélre vár" }),
  status("solved", "won", "#16a34a", { en: "Solved", hu: "Megoldva" }),
  status("closed", "lost", "#64748b", { en: "Closed without fix", hu: "Lezárva megoldás nélkül" }),
];

const salesFields = (currency: string) => (locale: DemoLocale): DemoField[] => {
  const name = (w: Words) => w[locale];
  return [
    { key: "budget", name: name({ en: "Monthly budget", hu: "Havi keret" }), type: "money", options: { currency } },
    {
      key: "source",
      name: name({ en: "Source", hu: "Forrás" }),
      type: "select",
      options: choices(
        ["web_form", { en: "Web form", hu: "Webes űrlap" }],
        ["cold_call", { en: "Cold call", hu: "Hideghívás" }],
        ["referral", { en: "Referral", hu: "Ajánlás" }],
        ["trade_fair", { en: "Trade fair", hu: "Kiállítás" }],
        ["partner", { en: "Partner", hu: "Partner" }],
      )(locale),
    },
    {
      key: "package",
      name: name({ en: "Package", hu: "Csomag" }),
      type: "select",
      options: choices(
        ["basic_listing", { en: "Basic listing", hu: "Alap megjelenés" }],
        ["pro_listing", { en: "Pro listing", hu: "Pro megjelenés" }],
        ["premium_product_feed", { en: "Premium + product feed", hu: "Prémium + termékfeed" }],
      )(locale),
    },
    {
      key: "categories",
      name: name({ en: "Categories", hu: "Kategóriák" }),
      type: "multi_select",
      options: choices(
        ["electronics", { en: "Electronics", hu: "Elektronika" }],
        ["home_garden", { en: "Home & garden", hu: "Otthon és kert" }],
        ["fashion", { en: "Fashion", hu: "Divat" }],
        ["sport", { en: "Sport", hu: "Sport" }],
        ["travel", { en: "Travel", hu: "Utazás" }],
        ["auto_parts", { en: "Auto parts", hu: "Autóalkatrészek" }],
      )(locale),
    },
    { key: "close", name: name({ en: "Expected close", hu: "Várható lezárás" }), type: "date" },
    { key: "website", name: name({ en: "Web shop", hu: "Webshop" }), type: "url" },
    { key: "signed", name: name({ en: "Contract signed", hu: "Szerződés aláírva" }), type: "checkbox" },
  ];
};

const serviceFields = (locale: DemoLocale): DemoField[] => [
  {
    key: "priority",
    name: { en: "Priority", hu: "Prioritás" }[locale],
    type: "select",
    options: choices(["low", { en: "Low", hu: "Alacsony" }], ["normal", { en: "Normal", hu: "Normál" }], ["high", { en: "High", hu: "Magas" }], ["urgent", { en: "Urgent", hu: "Sürgős" }])(locale),
    required: true,
  },
  {
    key: "channel",
    name: { en: "Channel", hu: "Csatorna" }[locale],
    type: "select",
    options: choices(["phone", { en: "Phone", hu: "Telefon" }], ["email", { en: "Email", hu: "E-mail" }], ["chat", { en: "Chat", hu: "Chat" }])(locale),
  },
  { key: "due", name: { en: "Promised by", hu: "Vállalt határidő" }[locale], type: "date" },
  { key: "page", name: { en: "Affected page", hu: "Érintett oldal" }[locale], type: "url" },
];

const salesTodos = {
  new: [
    todo("call", { en: "Call the lead, ask about their shop", hu: "Felhívni az érdeklődőt, rákérdezni a webshopjára" }),
    todo("task", { en: "Look up their web shop before calling", hu: "Hívás előtt megnézni a webshopjukat" }),
  ],
  qualify: [
    todo("call", { en: "Qualifying call: categories and product count", hu: "Minősítő hívás: kategóriák és termékszám" }),
    todo("call", { en: "Call back, they asked for next week", hu: "Visszahívni, a jövő hetet kérték" }),
    todo("email", { en: "Send the intro email with the media kit", hu: "Bemutatkozó e-mail küldése a médiaajánlattal" }),
  ],
  offer: [
    todo("task", { en: "Prepare the offer", hu: "Ajánlat előkészítése" }),
    todo("email", { en: "Send the offer with the price list", hu: "Ajánlat küldése az árlistával" }),
    todo("meeting", { en: "Online demo of the merchant dashboard", hu: "Online bemutató a kereskedői felületről" }),
  ],
  follow: [
    todo("call", { en: "Follow-up call about the offer", hu: "Utánkövető hívás az ajánlatról" }),
    todo("email", { en: "Remind them of the offer by email", hu: "E-mailes emlékeztető az ajánlatról" }),
    todo("meeting", { en: "Meeting at their office", hu: "Találkozó az irodájukban" }),
  ],
  sign: [
    todo("email", { en: "Send the contract for signature", hu: "Szerződés küldése aláírásra" }),
    todo("task", { en: "Check the signed contract arrived", hu: "Ellenőrizni, megérkezett-e az aláírt szerződés" }),
    todo("call", { en: "Call about the missing signature", hu: "Hívás a hiányzó aláírás miatt" }),
  ],
  won: [
    todo("task", { en: "Check the product feed import", hu: "Termékfeed-import ellenőrzése" }),
    todo("call", { en: "Onboarding call: first month's clicks", hu: "Bevezető hívás: az első hónap kattintásai" }),
  ],
};

const serviceTodos = {
  new: [todo("call", { en: "Call the customer back", hu: "Visszahívni az ügyfelet" }), todo("email", { en: "Reply to the ticket", hu: "Válaszolni a bejelentésre" })],
  investigate: [
    todo("task", { en: "Reproduce the problem", hu: "A hiba reprodukálása" }),
    todo("task", { en: "Ask the developers about the feed error", hu: "Rákérdezni a fejlesztőknél a feed-hibára" }),
    todo("task", { en: "Check the invoice in billing", hu: "A számla ellenőrzése a számlázásban" }),
  ],
  waiting: [
    todo("email", { en: "Remind the customer to send the file", hu: "Emlékeztetni az ügyfelet, hogy küldje el a fájlt" }),
    todo("call", { en: "Call if no answer yet", hu: "Felhívni, ha még nem válaszolt" }),
  ],
};

const inLocale = (todos: Record<string, ((l: DemoLocale) => TodoTemplate)[]>, locale: DemoLocale) =>
  Object.fromEntries(Object.entries(todos).map(([key, list]) => [key, list.map((t) => t(locale))]));

const moduleNames: Record<DemoModuleKey, Words> = {
  hu: { en: "Sales HU", hu: "Értékesítés HU" },
  ro: { en: "Sales RO", hu: "Értékesítés RO" },
  bg: { en: "Sales BG", hu: "Értékesítés BG" },
  pt: { en: "Sales PT", hu: "Értékesítés PT" },
  cs: { en: "Customer service", hu: "Ügyfélszolgálat" },
};

/** The five demo modules in the organisation's language. */
export function demoModules(locale: DemoLocale): DemoModule[] {
  const sales = (key: Country, cards: number, currency: string): DemoModule => ({
    key,
    name: moduleNames[key][locale],
    cards,
    statuses: salesStatuses.map((s) => s(locale)),
    fields: salesFields(currency)(locale),
    todos: inLocale(salesTodos, locale),
  });
  return [
    sales("hu", 600, "HUF"),
    sales("ro", 450, "RON"),
    // Bulgaria joined the euro on 1 January 2026.
    sales("bg", 330, "EUR"),
    sales("pt", 170, "EUR"),
    { key: "cs", name: moduleNames.cs[locale], cards: 450, statuses: serviceStatuses.map((s) => s(locale)), fields: serviceFields(locale), todos: inLocale(serviceTodos, locale) },
  ];
}

const groupNames: Record<Country, Words> = {
  hu: { en: "Hungary", hu: "Magyarország" },
  ro: { en: "Romania", hu: "Románia" },
  bg: { en: "Bulgaria", hu: "Bulgária" },
  pt: { en: "Portugal", hu: "Portugália" },
};
export const demoGroupName = (country: Country, locale: DemoLocale) => groupNames[country][locale];

const serviceTopics: Words[] = [
  { en: "Product feed import fails", hu: "Hibás a termékfeed-import" },
  { en: "Invoice question", hu: "Kérdés a számláról" },
  { en: "Listing not visible", hu: "Nem látszik a megjelenés" },
  { en: "Prices not updated", hu: "Nem frissülnek az árak" },
  { en: "Cannot log in to the dashboard", hu: "Nem tud belépni a kezelőfelületre" },
  { en: "Change of billing address", hu: "Számlázási cím változása" },
  { en: "Click report request", hu: "Kattintási riportot kér" },
  { en: "Wrong category mapping", hu: "Hibás kategória-hozzárendelés" },
  { en: "Cancel subscription", hu: "Előfizetés lemondása" },
  { en: "Duplicate products in listing", hu: "Duplikált termékek a listában" },
];

const secondDealSuffixes: Words[] = [
  { en: "renewal", hu: "megújítás" },
  { en: "extra category", hu: "új kategória" },
  { en: "second web shop", hu: "második webshop" },
  { en: "feed upgrade", hu: "feed-bővítés" },
];

const contactNotes: Words[] = [
  { en: "Met them at the e-commerce fair.", hu: "Az e-kereskedelmi kiállításon ismerkedtünk meg." },
  { en: "Prefers email over phone.", hu: "Inkább e-mailt kér, mint telefont." },
  { en: "Decision maker is the owner; call before 10.", hu: "A tulajdonos dönt; 10 előtt érdemes hívni." },
  { en: "Had a listing with a competitor until last year.", hu: "Tavalyig egy versenytársnál hirdetett." },
  { en: "Asked for invoices in English too.", hu: "Angol nyelvű számlát is kért." },
];

/** The demo's other words: ticket topics, what a second deal with a company is called, notes on contacts. */
export function demoWords(locale: DemoLocale) {
  return {
    serviceTopics: serviceTopics.map((w) => w[locale]),
    secondDealSuffixes: secondDealSuffixes.map((w) => w[locale]),
    contactNotes: contactNotes.map((w) => w[locale]),
  };
}
