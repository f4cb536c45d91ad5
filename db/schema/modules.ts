import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const modules = pgTable(
  "modules",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("modules_name_unique").on(sql`lower(${t.name})`)],
);

export const statusGroups = ["open", "won", "lost"] as const;
export type StatusGroup = (typeof statusGroups)[number];

export const statuses = pgTable(
  "statuses",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    name: text().notNull(),
    group: text().$type<StatusGroup>().notNull().default("open"),
    color: text().notNull().default("#64748b"),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("statuses_module_idx").on(t.moduleId, t.position)],
);

export const fieldTypes = [
  "text",
  "long_text",
  "number",
  "money",
  "date",
  "select",
  "multi_select",
  "checkbox",
  "email",
  "phone",
  "url",
  "user",
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Type-specific settings: the choices of a select, the currency of a money field. */
export type FieldOptions = { choices?: { id: string; label: string }[]; currency?: string };

export const fields = pgTable(
  "fields",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    name: text().notNull(),
    type: text().$type<FieldType>().notNull(),
    options: jsonb().$type<FieldOptions>().notNull().default({}),
    required: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("fields_module_idx").on(t.moduleId, t.position)],
);
