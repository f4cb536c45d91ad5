import type { AutomationStepKind, UserRule } from "@/db/schema/automations";
import type { TodoType } from "@/db/schema/todos";
import type { StepInput } from "@/lib/automations/automation-input";

/** A step as the editor holds it: every field as the form shows it, plus a key for React and dnd-kit. */
export type StepDraft = {
  key: string;
  id: string | null;
  kind: AutomationStepKind;
  delayDays: string;
  sendTime: string;
  workingDaysOnly: boolean;
  emailTemplateId: string;
  todoTemplateId: string;
  todoText: string;
  todoType: TodoType;
  recipient: string;
  userId: string;
  sender: UserRule;
  senderUserId: string;
};

/** What the editor may choose from: the module's live templates and the users. */
export type EditorOptions = {
  emailTemplates: { id: string; name: string }[];
  todoTemplates: { id: string; text: string }[];
  users: { id: string; name: string; inactive?: boolean }[];
};

let counter = 0;
const newKey = () => `new-${Date.now().toString(36)}-${counter++}`;

/** A new step of a kind, with the defaults the story starts from. */
export function newStep(kind: AutomationStepKind): StepDraft {
  return {
    key: newKey(),
    id: null,
    kind,
    delayDays: "0",
    sendTime: "",
    workingDaysOnly: false,
    emailTemplateId: "",
    todoTemplateId: "",
    todoText: "",
    todoType: "task",
    recipient: kind === "email_contact" ? "main_person" : "card_owner",
    userId: "",
    sender: "card_owner",
    senderUserId: "",
  };
}

type StepRow = {
  id: string;
  kind: AutomationStepKind;
  delayDays: number;
  sendTime: string | null;
  workingDaysOnly: boolean;
  emailTemplateId: string | null;
  todoTemplateId: string | null;
  todoText: string | null;
  todoType: TodoType | null;
  recipient: string;
  userId: string | null;
  sender: UserRule;
  senderUserId: string | null;
};

export function draftFromRow(row: StepRow): StepDraft {
  return {
    key: row.id,
    id: row.id,
    kind: row.kind,
    delayDays: String(row.delayDays),
    sendTime: row.sendTime ?? "",
    workingDaysOnly: row.workingDaysOnly,
    emailTemplateId: row.emailTemplateId ?? "",
    todoTemplateId: row.todoTemplateId ?? "",
    todoText: row.todoText ?? "",
    todoType: row.todoType ?? "task",
    recipient: row.recipient,
    userId: row.userId ?? "",
    sender: row.sender,
    senderUserId: row.senderUserId ?? "",
  };
}

/** The save action's input for one step (the server normalises and checks it). */
export function stepInput(d: StepDraft): StepInput {
  return {
    id: d.id,
    kind: d.kind,
    delayDays: d.delayDays.trim() === "" ? Number.NaN : Number(d.delayDays),
    sendTime: d.sendTime,
    workingDaysOnly: d.workingDaysOnly,
    emailTemplateId: d.kind === "todo_user" ? null : d.emailTemplateId,
    todoTemplateId: d.kind === "todo_user" ? d.todoTemplateId : null,
    todoText: d.kind === "todo_user" && !d.todoTemplateId ? d.todoText : null,
    todoType: d.kind === "todo_user" && !d.todoTemplateId ? d.todoType : null,
    recipient: d.recipient,
    userId: d.kind !== "email_contact" && d.recipient === "user" ? d.userId : null,
    sender: d.sender,
    senderUserId: d.sender === "user" ? d.senderUserId : null,
  };
}
