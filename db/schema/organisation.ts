import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** The one organisation of an installation. The check makes a second row impossible, so setup can run only once. */
export const organisation = pgTable(
  "organisation",
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    timeZone: text().notNull().default("Europe/Budapest"),
    defaultLocale: text().$type<"hu" | "en">().notNull().default("hu"),
    /** Reports convert every money value into this currency (ISO 4217), with the rates in currency_rates. */
    reportCurrency: text().notNull().default("HUF"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organisation_singleton", sql`${t.id} = 1`)],
);
