import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ViewDefinition } from "@/lib/views/definition";
import { modules } from "./modules";
import { users } from "./users";

/**
 * A saved filter of a module's cards (SPEC §6): its conditions, columns and sort as versioned JSON
 * (lib/views/definition.ts), private to its creator or shared with everyone who sees the module.
 */
export const views = pgTable(
  "views",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    name: text().notNull(),
    /** The creator: a private view is theirs alone; a shared one they (and managers, admins) may edit. */
    createdById: uuid()
      .notNull()
      .references(() => users.id),
    shared: boolean().notNull().default(false),
    definition: jsonb().$type<ViewDefinition>().notNull(),
    /** Order in the module's view switcher. */
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("views_module_idx").on(t.moduleId, t.position, t.id).where(sql`${t.deletedAt} is null`),
    index("views_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);
