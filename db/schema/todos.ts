import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cards } from "./cards";
import { modules } from "./modules";
import { users } from "./users";

export const todoTypes = ["call", "email", "meeting", "task"] as const;
export type TodoType = (typeof todoTypes)[number];

export const todos = pgTable(
  "todos",
  {
    id: uuid().primaryKey().defaultRandom(),
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    /** Copied from the card so "my todos" and per-user lists need no join to filter. */
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    text: text().notNull(),
    type: text().$type<TodoType>().notNull().default("task"),
    assigneeId: uuid()
      .notNull()
      .references(() => users.id),
    deadline: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    completedById: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedById: uuid().references(() => users.id),
  },
  (t) => [
    index("todos_card_open_idx").on(t.cardId, t.deadline).where(sql`${t.completedAt} is null and ${t.deletedAt} is null`),
    index("todos_assignee_open_idx").on(t.assigneeId, t.deadline).where(sql`${t.completedAt} is null and ${t.deletedAt} is null`),
    index("todos_open_deadline_idx").on(t.deadline).where(sql`${t.completedAt} is null and ${t.deletedAt} is null`),
    index("todos_card_idx").on(t.cardId),
    index("todos_trash_idx").on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
  ],
);

/**
 * Per card and assignee: their next open todo on that card. Maintained by the todo verbs, it makes
 * "the cards on which this user has an open todo", sorted by deadline, one index range scan.
 */
export const cardAssignees = pgTable(
  "card_assignees",
  {
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    assigneeId: uuid()
      .notNull()
      .references(() => users.id),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    statusId: uuid().notNull(),
    nextTodoDeadline: timestamp({ withTimezone: true }).notNull(),
    nextTodoId: uuid().notNull(),
    openTodos: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cardId, t.assigneeId] }),
    index("card_assignees_list_idx").on(t.moduleId, t.assigneeId, t.nextTodoDeadline, t.cardId),
    index("card_assignees_status_idx").on(t.moduleId, t.assigneeId, t.statusId, t.nextTodoDeadline, t.cardId),
  ],
);
