import type { cards, FieldValue, history, todos } from "@/db/schema";
import { cardCreatedData } from "@/lib/history/card-created";
import { validateFieldValues } from "@/lib/modules/field-values";
import type { CardPlan, PlannedTodo, SeedModule } from "./card-plan";
import { todoFacts } from "@/lib/todos/todo-facts";

type CardRow = typeof cards.$inferInsert & { id: string };
type TodoRow = typeof todos.$inferInsert;
type HistoryRow = typeof history.$inferInsert;
export type PlanRows = { card: CardRow; todos: TodoRow[]; history: HistoryRow[]; links: { cardId: string; contactId: string; position: number }[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The rows the verbs would have written for a plan (createCard, createTodo, completeTodo,
 * updateCard): the card in its final state with its version, every todo, and the history rows
 * with the same kinds and data shapes. The denormalised columns are left to refreshAllDenormalised.
 */
export function planRows(plan: CardPlan, module: SeedModule, contactNames: Map<string, string>): PlanRows {
  const statusName = (id: string) => module.statuses.find((s) => s.id === id)?.name;
  let values = validateFieldValues(module.fields, plan.values, { partial: false });
  let { statusId, ownerId } = plan;
  let statusEnteredAt = plan.createdAt;
  let updatedAt = plan.createdAt;
  let lastActivityAt = plan.createdAt.getTime();
  let version = 1;

  const historyRows: HistoryRow[] = [
    {
      cardId: plan.id,
      actorId: plan.createdById,
      at: plan.createdAt,
      kind: "card_created",
      data: cardCreatedData({ name: plan.name, statusId, ownerId, contacts: plan.contactIds.map((id) => ({ id, name: contactNames.get(id) ?? "" })) }),
    },
  ];
  const todoRows: TodoRow[] = [];
  const addTodo = (t: PlannedTodo) => {
    todoRows.push({
      id: t.id,
      cardId: plan.id,
      moduleId: plan.moduleId,
      text: t.text,
      type: t.type,
      assigneeId: t.assigneeId,
      deadline: t.deadline,
      completedAt: t.completedAt,
      completedById: t.completedAt ? t.assigneeId : null,
      createdById: t.createdById,
      createdAt: t.createdAt,
      updatedAt: t.completedAt ?? t.createdAt,
    });
    lastActivityAt = Math.max(lastActivityAt, t.createdAt.getTime(), t.completedAt?.getTime() ?? 0);
    if (t.completedAt) historyRows.push({ cardId: plan.id, actorId: t.assigneeId, at: t.completedAt, kind: "todo_completed", data: todoFacts(t) });
  };

  for (const { done, update } of plan.steps) {
    done.forEach(addTodo);
    const next = version + 1;
    const entries: HistoryRow[] = [];
    const change = (kind: HistoryRow["kind"], data: Record<string, unknown>) =>
      entries.push({ cardId: plan.id, actorId: update.actorId, at: update.at, kind, data: { ...data, version: next } });
    if (update.statusId && update.statusId !== statusId) {
      change("status_changed", { old: statusId, new: update.statusId, oldName: statusName(statusId), newName: statusName(update.statusId) });
      statusId = update.statusId;
      statusEnteredAt = update.at;
    }
    if (update.ownerId !== undefined && update.ownerId !== ownerId) {
      change("owner_changed", { old: ownerId, new: update.ownerId });
      ownerId = update.ownerId;
    }
    if (update.values) {
      const parsed = validateFieldValues(module.fields, update.values, { partial: true });
      const merged: Record<string, FieldValue> = { ...values };
      for (const [fieldId, value] of Object.entries(parsed)) {
        if (same(values[fieldId], value)) continue;
        const field = module.fields.find((f) => f.id === fieldId)!;
        change("field_changed", { fieldId, fieldName: field.name, fieldType: field.type, old: values[fieldId] ?? null, new: value });
        merged[fieldId] = value;
      }
      values = merged;
    }
    if (entries.length === 0) continue;
    historyRows.push(...entries);
    version = next;
    updatedAt = update.at;
    lastActivityAt = Math.max(lastActivityAt, update.at.getTime());
  }
  plan.open.forEach(addTodo);

  return {
    card: {
      id: plan.id,
      moduleId: plan.moduleId,
      statusId,
      ownerId,
      name: plan.name,
      values,
      version,
      createdById: plan.createdById,
      createdAt: plan.createdAt,
      updatedAt,
      statusEnteredAt,
      lastActivityAt: new Date(lastActivityAt),
    },
    todos: todoRows,
    history: historyRows.sort((a, b) => a.at.getTime() - b.at.getTime()),
    links: plan.contactIds.map((contactId, position) => ({ cardId: plan.id, contactId, position })),
  };
}
