import type { TodoAssigneeRule } from "@/db/schema/email";
import type { TodoType } from "@/db/schema/todos";
import { zonedToInstant } from "@/lib/time/org-time";
import { zonedDatePlusDays } from "@/lib/todos/default-deadline";

/** What a todo template says (a todo_templates row, or the card page's copy of one). */
export type TodoTemplateShape = { text: string; type: TodoType; deadlineDays: number; deadlineTime: string; assigneeRule: TodoAssigneeRule; assigneeId: string | null };

const hhmm = (t: string) => t.slice(0, 5);

export type TodoFromTemplate = { text: string; type: TodoType; deadline: Date; assigneeId: string | null };

/**
 * The todo a template makes for a card now: the deadline `deadlineDays` calendar days after today at
 * `deadlineTime`, both on the organisation's clock (a DST change in between keeps the wall-clock
 * time); the assignee the card's owner or the chosen user (null when the card has no owner).
 * Pure: the caller still checks the assignee may see the card.
 */
export function todoFromTemplate(
  template: TodoTemplateShape,
  { now, timeZone, cardOwnerId }: { now: Date; timeZone: string; cardOwnerId: string | null },
): TodoFromTemplate {
  const date = zonedDatePlusDays(now, timeZone, template.deadlineDays);
  return {
    text: template.text,
    type: template.type,
    deadline: zonedToInstant(date, hhmm(template.deadlineTime), timeZone),
    assigneeId: template.assigneeRule === "user" ? template.assigneeId : cardOwnerId,
  };
}
