import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cards } from "./cards";
import { users } from "./users";

export const historyKinds = [
  "card_created",
  "name_changed",
  "status_changed",
  "owner_changed",
  "field_changed",
  "contact_linked",
  "contact_unlinked",
  "todo_completed",
  "todo_reopened",
  "todo_trashed",
  "todo_restored",
  /** An open todo moved to another assignee because its own could no longer see the card (owner change). */
  "todo_reassigned",
  "card_trashed",
  "card_restored",
  "note",
  /** An email written on the card or sent to its contact by a bulk run: { emailId, subject, to }; its state is read from `emails`. */
  "email",
  /**
   * An automation's step ran on the card: { automationId, automationName, stepId, position, action
   * ("email_contact" | "email_user" | "todo_user"), outcome ("done" | "skipped"), reason?, emailIds?, to?, todoId? }.
   */
  "automation_step",
  /** A document was attached to the card, or taken off it (to the trash): { documentId, name }. */
  "document_added",
  "document_removed",
  /** An import's undo gave the card its previous values back: { importId, fields: [{ field, old, new }] } (created cards are trashed with card_trashed { importId }). */
  "import_undone",
] as const;
export type HistoryKind = (typeof historyKinds)[number];

/** One row per thing that happened to a card: who, when, and old → new where a value changed. */
export const history = pgTable(
  "history",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    actorId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().$type<HistoryKind>().notNull(),
    /** Kind-specific: { field, old, new } for changes, { todoId, text } for todos, … */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("history_card_idx").on(t.cardId, t.at, t.id)],
);
