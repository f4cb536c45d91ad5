import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Failed-login counters, keyed "email:<address>" or "ip:<address>"; kept in the database so every instance sees them. */
export const loginThrottle = pgTable("login_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  lastFailureAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
