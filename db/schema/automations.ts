import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cards } from "./cards";
import { emailTemplates, todoTemplates } from "./email";
import { modules, statuses } from "./modules";
import { type TodoType } from "./todos";
import { users } from "./users";
import { views } from "./views";

export const automationTriggers = ["status", "view"] as const;
/** Which cards an automation is about: those in one status, or those a saved view holds. */
export type AutomationTrigger = (typeof automationTriggers)[number];

export const automationKinds = ["continuous", "one_time"] as const;
/** continuous: cards enter and leave as they start or stop matching; one_time: the cards matching at activation, once. */
export type AutomationKind = (typeof automationKinds)[number];

export const automationStates = ["draft", "active", "off"] as const;
/** draft: being built, never activated; active: enrolling and running steps; off: switched off, nothing runs. */
export type AutomationState = (typeof automationStates)[number];

/**
 * A module's follow-up sequence (SPEC §8): a trigger (status or view), kind, and ordered steps.
 * `scopeGroupIds` is set when a group manager creates it: only cards of those groups (and unowned
 * ones, as the group manager sees them) are enrolled; null for admins' and managers' automations.
 */
export const automations = pgTable(
  "automations",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id),
    name: text().notNull(),
    trigger: text().$type<AutomationTrigger>().notNull(),
    statusId: uuid().references(() => statuses.id),
    viewId: uuid().references(() => views.id),
    /** Only cards that enter after activation: cards already matching then are noted as inside, without steps. */
    onlyNew: boolean().notNull().default(false),
    kind: text().$type<AutomationKind>().notNull().default("continuous"),
    state: text().$type<AutomationState>().notNull().default("draft"),
    scopeGroupIds: jsonb().$type<string[]>(),
    createdById: uuid().references(() => users.id),
    activatedAt: timestamp({ withTimezone: true }),
    activatedById: uuid().references(() => users.id),
    switchedOffAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("automations_module_idx").on(t.moduleId, t.state, t.createdAt),
    index("automations_view_idx").on(t.viewId).where(sql`${t.viewId} is not null`),
  ],
);

export const automationStepKinds = ["email_contact", "email_user", "todo_user"] as const;
export type AutomationStepKind = (typeof automationStepKinds)[number];

export const contactRecipients = ["main_person", "all_persons", "company"] as const;
/** email_contact: the card's main person, all its persons, or its company. */
export type ContactRecipient = (typeof contactRecipients)[number];

export const userRules = ["card_owner", "user"] as const;
/** email_user / todo_user recipient, and every email step's sender: the card's owner, or a chosen user. */
export type UserRule = (typeof userRules)[number];

/**
 * One step of an automation, in `position` order. Due time = the card's entry + `delayDays`, at
 * `sendTime` (HH:MM, in the card's calendar: its owner's group's zone, else the organisation's) when
 * set, moved to the next working day when `workingDaysOnly` and the day is a weekend or holiday.
 */
export const automationSteps = pgTable(
  "automation_steps",
  {
    id: uuid().primaryKey().defaultRandom(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: text().$type<AutomationStepKind>().notNull(),
    delayDays: integer().notNull().default(0),
    /** "HH:MM"; null: at the moment of entry + delayDays. */
    sendTime: text(),
    workingDaysOnly: boolean().notNull().default(false),
    emailTemplateId: uuid().references(() => emailTemplates.id),
    todoTemplateId: uuid().references(() => todoTemplates.id),
    /** A todo written in place (no template): its text and type; its deadline is the step's due time. */
    todoText: text(),
    todoType: text().$type<TodoType>(),
    /** email_contact: a ContactRecipient; email_user / todo_user: a UserRule. */
    recipient: text().notNull(),
    /** The chosen user when recipient is "user". */
    userId: uuid().references(() => users.id),
    /** Email steps: who the email is from. */
    sender: text().$type<UserRule>().notNull().default("card_owner"),
    senderUserId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("automation_steps_automation_idx").on(t.automationId, t.position),
    index("automation_steps_sender_idx").on(t.senderUserId).where(sql`${t.senderUserId} is not null`),
    index("automation_steps_user_idx").on(t.userId).where(sql`${t.userId} is not null`),
  ],
);

export const enrolmentStates = ["active", "left"] as const;
/** active: the card is inside (qualifies); left: it stopped qualifying, was trashed, or the automation was switched off. */
export type EnrolmentState = (typeof enrolmentStates)[number];

/**
 * A card's stay in an automation: from entering (qualifying) until leaving. At most one active
 * enrolment per card and automation (the unique index makes a racing second one a no-op).
 * `withSteps` is false for cards already inside when an "only new cards" automation was activated.
 */
export const automationEnrolments = pgTable(
  "automation_enrolments",
  {
    id: uuid().primaryKey().defaultRandom(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    state: text().$type<EnrolmentState>().notNull().default("active"),
    withSteps: boolean().notNull().default(true),
    enteredAt: timestamp({ withTimezone: true }).notNull(),
    leftAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("automation_enrolments_active_idx").on(t.automationId, t.cardId).where(sql`${t.state} = 'active'`),
    index("automation_enrolments_card_idx").on(t.cardId, t.automationId, t.enteredAt),
  ],
);

export const stepRunStates = ["pending", "done", "skipped", "cancelled"] as const;
/**
 * pending: waiting for its due time (its job drives it); done: performed, with history; skipped: due,
 * but the re-check said no (`reason`); cancelled: the card left or the automation was switched off first.
 */
export type StepRunState = (typeof stepRunStates)[number];

export const stepSkipReasons = [
  "automation_off",
  "card_trashed",
  "card_left",
  "sender_inactive",
  "recipient_inactive",
  "no_recipient",
  "recipient_unsubscribed",
  "template_trashed",
  "step_removed",
] as const;
export type StepSkipReason = (typeof stepSkipReasons)[number];

/**
 * One step of one enrolment, with its due time: the durable unit automations execute exactly once.
 * Its job ("automation.step", key "step:<id>") wakes it; execution locks this row and moves it from
 * pending to done or skipped in the same transaction as the email or todo and the history entry.
 */
export const automationStepRuns = pgTable(
  "automation_step_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    stepId: uuid()
      .notNull()
      .references(() => automationSteps.id, { onDelete: "cascade" }),
    enrolmentId: uuid()
      .notNull()
      .references(() => automationEnrolments.id, { onDelete: "cascade" }),
    cardId: uuid()
      .notNull()
      .references(() => cards.id),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    state: text().$type<StepRunState>().notNull().default("pending"),
    reason: text().$type<StepSkipReason>(),
    /** What it did: the emails it queued, the todo it created. */
    emailIds: jsonb().$type<string[]>(),
    todoId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("automation_step_runs_automation_idx").on(t.automationId, t.state),
    index("automation_step_runs_enrolment_idx").on(t.enrolmentId).where(sql`${t.state} = 'pending'`),
    index("automation_step_runs_due_idx").on(t.automationId, t.dueAt).where(sql`${t.state} = 'pending'`),
    index("automation_step_runs_card_idx").on(t.cardId),
  ],
);

export const automationEventKinds = ["created", "activated", "switched_off", "edited", "sender_handed_over"] as const;
export type AutomationEventKind = (typeof automationEventKinds)[number];

/** An automation's own history: who created, activated, switched off or edited it, and when. */
export const automationEvents = pgTable(
  "automation_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().$type<AutomationEventKind>().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("automation_events_automation_idx").on(t.automationId, t.at)],
);
