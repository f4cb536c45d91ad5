import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { todoTemplates, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import {
  createTodoTemplateSchema,
  todoTemplateIdSchema,
  updateTodoTemplateSchema,
  type CreateTodoTemplateInput,
  type UpdateTodoTemplateInput,
} from "./template-input";
import { getTemplateModuleOrThrow } from "./template-store";

export type TodoTemplateRow = typeof todoTemplates.$inferSelect;
type Written = { todoTemplateId: string; moduleId: string; version: number };

const changed = (version: number) => conflict("template_changed", {}, { currentVersion: version });

/** PostgreSQL's `time` reads back as "09:00:00"; the form and todoFromTemplate speak "09:00". */
const hhmm = (t: string) => t.slice(0, 5);
const withShortTime = (row: TodoTemplateRow): TodoTemplateRow => ({ ...row, deadlineTime: hhmm(row.deadlineTime) });

/** "Card owner" needs nobody named; "a chosen user" needs an active one. */
async function resolveAssignee(db: Db, rule: "card_owner" | "user", assigneeId: string | undefined): Promise<string | null> {
  if (rule === "card_owner") return null;
  if (!assigneeId) throw invalid("required", { assigneeId: "required" });
  const [user] = await db.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, assigneeId));
  if (!user || user.deactivatedAt) throw invalid("inactive_user", { assigneeId: "inactive_user" });
  return user.id;
}

async function getLiveTodoTemplate(db: Db, id: string): Promise<TodoTemplateRow> {
  const [row] = await db.select().from(todoTemplates).where(and(eq(todoTemplates.id, id), isNull(todoTemplates.deletedAt)));
  if (!row) throw notFound("todo_template_not_found");
  return withShortTime(row);
}

/** A new todo template of a module (managers and admins). */
export async function createTodoTemplate({ actor, db, now }: Ctx, raw: CreateTodoTemplateInput): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const input = createTodoTemplateSchema.parse(raw);
  const config = await getTemplateModuleOrThrow(db, input.moduleId);
  if (config.archived) throw conflict("module_archived");
  const assigneeId = await resolveAssignee(db, input.assigneeRule, input.assigneeId);
  const [row] = await db
    .insert(todoTemplates)
    .values({
      moduleId: config.id,
      text: input.text,
      type: input.type,
      deadlineDays: input.deadlineDays,
      deadlineTime: input.deadlineTime,
      assigneeRule: input.assigneeRule,
      assigneeId,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: todoTemplates.id, version: todoTemplates.version });
  return { todoTemplateId: row.id, moduleId: config.id, version: row.version };
}

/** Saves a todo template, guarded by the version the form started from. */
export async function updateTodoTemplate({ actor, db, now }: Ctx, raw: UpdateTodoTemplateInput): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const input = updateTodoTemplateSchema.parse(raw);
  const template = await getLiveTodoTemplate(db, input.todoTemplateId);
  if (template.version !== input.version) throw changed(template.version);
  const assigneeId = await resolveAssignee(db, input.assigneeRule, input.assigneeId);
  const version = template.version + 1;
  const updated = await db
    .update(todoTemplates)
    .set({ text: input.text, type: input.type, deadlineDays: input.deadlineDays, deadlineTime: input.deadlineTime, assigneeRule: input.assigneeRule, assigneeId, version, updatedAt: now })
    .where(and(eq(todoTemplates.id, template.id), eq(todoTemplates.version, input.version), isNull(todoTemplates.deletedAt)))
    .returning({ id: todoTemplates.id });
  if (updated.length === 0) throw changed(version);
  return { todoTemplateId: template.id, moduleId: template.moduleId, version };
}

export async function trashTodoTemplate({ actor, db, now }: Ctx, raw: { todoTemplateId: string }): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const { todoTemplateId } = todoTemplateIdSchema.parse(raw);
  const template = await getLiveTodoTemplate(db, todoTemplateId);
  const version = template.version + 1;
  const trashed = await db
    .update(todoTemplates)
    .set({ deletedAt: now, deletedById: actor.id, version, updatedAt: now })
    .where(and(eq(todoTemplates.id, template.id), isNull(todoTemplates.deletedAt)))
    .returning({ id: todoTemplates.id });
  if (trashed.length === 0) throw notFound("todo_template_not_found");
  return { todoTemplateId: template.id, moduleId: template.moduleId, version };
}

export async function restoreTodoTemplate({ actor, db, now }: Ctx, raw: { todoTemplateId: string }): Promise<Written> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const { todoTemplateId } = todoTemplateIdSchema.parse(raw);
  const [template] = await db.select().from(todoTemplates).where(and(eq(todoTemplates.id, todoTemplateId), isNotNull(todoTemplates.deletedAt)));
  if (!template) throw notFound("todo_template_not_found");
  const version = template.version + 1;
  const restored = await db
    .update(todoTemplates)
    .set({ deletedAt: null, deletedById: null, version, updatedAt: now })
    .where(and(eq(todoTemplates.id, template.id), isNotNull(todoTemplates.deletedAt)))
    .returning({ id: todoTemplates.id });
  if (restored.length === 0) throw notFound("todo_template_not_found");
  return { todoTemplateId: template.id, moduleId: template.moduleId, version };
}

/** The module's live todo templates, by text (offered in a card's "New todo"; everyone who sees cards may read them). */
export async function listTodoTemplates({ actor, db }: Ctx, moduleId: string): Promise<TodoTemplateRow[]> {
  if (!can(actor, "cards.view")) throw forbidden();
  if (!todoTemplateIdSchema.shape.todoTemplateId.safeParse(moduleId).success) return [];
  const rows = await db
    .select()
    .from(todoTemplates)
    .where(and(eq(todoTemplates.moduleId, moduleId), isNull(todoTemplates.deletedAt)))
    .orderBy(asc(todoTemplates.text), asc(todoTemplates.id));
  return rows.map(withShortTime);
}

export { todoFromTemplate, type TodoFromTemplate } from "./todo-from-template";
