import { getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  automationSteps,
  automations,
  cardContacts,
  contacts,
  documentFolders,
  documents,
  emailTemplates,
  emails,
  fields,
  groupMembers,
  groups,
  history,
  modules,
  statuses,
  todoTemplates,
  todos,
  users,
  views,
} from "@/db/schema";

/** A table as the export writes it: its file name, its key order, and the columns never exported. */
export type TableExport = { name: string; table: PgTable; key: PgColumn[]; omit?: string[] };

/**
 * Everything the organisation owns besides its cards (which are written per module, with their fields as
 * columns): a row per record, live and trashed, each column as stored. Never secrets: no password hashes,
 * session versions, tokens (invitations, unsubscribe headers, public links) or the avatars' bytes.
 */
export const exportTables: TableExport[] = [
  { name: "modules", table: modules, key: [modules.id] },
  { name: "statuses", table: statuses, key: [statuses.id] },
  { name: "fields", table: fields, key: [fields.id] },
  { name: "contacts", table: contacts, key: [contacts.id] },
  { name: "card_contacts", table: cardContacts, key: [cardContacts.cardId, cardContacts.contactId] },
  { name: "todos", table: todos, key: [todos.id] },
  { name: "history", table: history, key: [history.id] },
  { name: "emails", table: emails, key: [emails.id], omit: ["headers"] },
  { name: "email_templates", table: emailTemplates, key: [emailTemplates.id] },
  { name: "todo_templates", table: todoTemplates, key: [todoTemplates.id] },
  { name: "views", table: views, key: [views.id] },
  { name: "automations", table: automations, key: [automations.id] },
  { name: "automation_steps", table: automationSteps, key: [automationSteps.id] },
  { name: "users", table: users, key: [users.id], omit: ["passwordHash", "sessionVersion"] },
  { name: "groups", table: groups, key: [groups.id] },
  { name: "group_members", table: groupMembers, key: [groupMembers.groupId, groupMembers.userId] },
  { name: "document_folders", table: documentFolders, key: [documentFolders.id] },
  { name: "documents", table: documents, key: [documents.id], omit: ["publicToken", "publicExpiresAt"] },
];

/** The exported columns: the property keysetRows returns, and the database's (snake_case) name for headers. */
export function exportColumns({ table, omit = [] }: TableExport): { key: string; header: string }[] {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => !omit.includes(key))
    .map(([key, column]) => ({ key, header: column.name }));
}
