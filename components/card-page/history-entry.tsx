"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EmailHistoryDetail } from "@/components/email/email-history-detail";
import { TodoTypeIcon } from "@/components/todos/todo-type-icon";
import { cn } from "@/components/ui/cn";
import { todoTypes, type TodoType } from "@/db/schema";
import type { CardHistoryEntry } from "@/lib/cards/list-card-history";
import type { CardEmailState } from "@/lib/email/get-email-or-throw";
import { useCard } from "./card-context";
import { formatFieldValue, type FieldLike } from "./format-value";

export type HistoryLookups = {
  statusName: (id: unknown) => string | null;
  field: (id: unknown) => FieldLike | undefined;
  /** An email's delivery state (kept on the email, not in the history row). */
  email: (id: unknown) => CardEmailState | undefined;
};

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

function Change({ from, to }: { from: string | null; to: string | null }) {
  const t = useTranslations("card.history");
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-x-1.5 text-sm">
      <span className="sr-only">{t("from")}</span>
      <span className={cn("text-slate-500", from === null && "italic")}>{from ?? t("empty")}</span>
      <span aria-hidden className="text-slate-500">
        →
      </span>
      <span className="sr-only">{t("to")}</span>
      <span className={cn("font-medium text-slate-900", to === null && "font-normal text-slate-500 italic")}>{to ?? t("empty")}</span>
    </p>
  );
}

/** One thing that happened to the card, in words: who, what (old → new, readable), and when. */
export function HistoryEntryView({ entry, lookups }: { entry: CardHistoryEntry; lookups: HistoryLookups }) {
  const t = useTranslations("card.history");
  const tt = useTranslations("card.todos");
  const tf = useTranslations("card.fields");
  const te = useTranslations("email.history");
  const td = useTranslations("documents.history");
  const format = useFormatter();
  const locale = useLocale();
  const { timeZone, userName } = useCard();
  const d = entry.data;
  let actor: string = entry.actorName ?? t("system");
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const user = (id: unknown) => (id ? userName(str(id)) : null);
  const todoType = (todoTypes as readonly string[]).includes(str(d.type)) ? (str(d.type) as TodoType) : "task";

  let icon: ReactNode = <span className="size-2 rounded-full bg-slate-400" />;
  let tone = "bg-slate-100";
  let what: ReactNode;
  let detail: ReactNode = null;
  switch (entry.kind) {
    case "card_created": {
      const contacts = Array.isArray(d.contacts) ? (d.contacts as { name?: unknown }[]).map((c) => str(c.name)).filter(Boolean) : [];
      what = contacts.length ? t("cardCreatedWith", { names: format.list(contacts, { type: "conjunction" }) }) : t("cardCreated");
      break;
    }
    case "name_changed":
      what = t("nameChanged");
      detail = <Change from={str(d.old)} to={str(d.new)} />;
      break;
    case "status_changed":
      what = t("statusChanged");
      detail = <Change from={lookups.statusName(d.old) ?? str(d.oldName)} to={lookups.statusName(d.new) ?? str(d.newName)} />;
      break;
    case "owner_changed":
      what = t(d.handover ? "ownerHandedOver" : "ownerChanged");
      detail = <Change from={user(d.old) ?? t("nobody")} to={user(d.new) ?? t("nobody")} />;
      break;
    case "field_changed": {
      const field = lookups.field(d.fieldId);
      const shape = field ?? { type: (d.fieldType as FieldLike["type"]) ?? "text", options: {} };
      const fmt = (v: unknown) => formatFieldValue(shape, v, { locale, userName: (id) => userName(id), yes: tf("yes"), no: tf("no") });
      what = t("fieldChanged", { field: field?.name ?? str(d.fieldName) });
      detail = <Change from={fmt(d.old)} to={fmt(d.new)} />;
      break;
    }
    case "contact_linked":
    case "contact_unlinked":
      what = t(entry.kind === "contact_linked" ? "contactLinked" : "contactUnlinked", { name: str(d.name) });
      break;
    case "todo_completed":
      icon = (
        <svg className="size-3.5 text-green-700" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="3" aria-hidden>
          <path d="m4 10 4 4 8-8" />
        </svg>
      );
      tone = "bg-green-100";
      what = t("todoCompleted");
      detail = (
        <div className="mt-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <p className="flex items-center gap-1.5 font-medium text-slate-900">
            <TodoTypeIcon type={todoType} className="size-3.5 text-slate-500" />
            <span className="sr-only">{tt(`types.${todoType}`)}:</span>
            {str(d.text)}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            {t("todoFacts", { type: tt(`types.${todoType}`), assignee: user(d.assigneeId) ?? "", deadline: d.deadline ? when(new Date(str(d.deadline))) : "" })}
          </p>
        </div>
      );
      break;
    case "todo_reopened":
    case "todo_trashed":
    case "todo_restored":
      what = t(entry.kind === "todo_reopened" ? "todoReopened" : entry.kind === "todo_trashed" ? "todoTrashed" : "todoRestored", { text: str(d.text) });
      break;
    case "todo_reassigned":
      what = t(d.reason === "handover" ? "todoHandedOver" : "todoReassigned", { text: str(d.text) });
      detail = <Change from={user(d.old) ?? t("nobody")} to={user(d.new) ?? t("nobody")} />;
      break;
    case "card_trashed":
      tone = "bg-red-100";
      what = t("cardTrashed");
      break;
    case "card_restored":
      what = t("cardRestored");
      break;
    case "document_added":
    case "document_removed":
      what = td(entry.kind === "document_removed" ? "removed" : d.restored ? "restored" : "added", { name: str(d.name) });
      break;
    case "note":
      what = t("note");
      detail = <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{str(d.text)}</p>;
      break;
    case "email": {
      const email = lookups.email(d.emailId);
      icon = (
        <svg className="size-3.5 text-brand-700" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
          <path d="M3 5h14v10H3V5Zm0 0 7 6 7-6" />
        </svg>
      );
      tone = "bg-brand-100";
      what = te("sent");
      detail = <EmailHistoryDetail emailId={str(d.emailId)} subject={str(d.subject)} to={str(d.to)} state={email?.state} lastError={email?.lastError} />;
      break;
    }
    case "automation_step": {
      actor = t("automationActor", { name: str(d.automationName) });
      const position = Number(d.position) || 1;
      if (d.outcome === "skipped") {
        const reason = str(d.reason);
        what = t("automationSkipped", { position, reason: t.has(`skipReasons.${reason}`) ? t(`skipReasons.${reason}`) : reason });
      } else if (d.action === "todo_user") {
        what = t("automationTodo", { position, assignee: user(d.assigneeId) ?? "" });
        detail = (
          <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-800">
            <TodoTypeIcon type={todoType} className="size-3.5 text-slate-500" />
            <span className="sr-only">{tt(`types.${todoType}`)}:</span>
            {str(d.text)}
            {d.deadline ? <span className="text-xs text-slate-500">· {when(new Date(str(d.deadline)))}</span> : null}
          </p>
        );
      } else {
        const addresses = Array.isArray(d.to) ? d.to.map(str) : [str(d.to)];
        const emailIds = Array.isArray(d.emailIds) ? d.emailIds.map(str) : [];
        tone = "bg-brand-100";
        what = t("automationEmailed", { position, to: addresses.join(", ") });
        detail = emailIds.map((id, i) => {
          const email = lookups.email(id);
          return <EmailHistoryDetail key={id} emailId={id} subject={str(d.subject)} to={addresses[i] ?? ""} state={email?.state} lastError={email?.lastError} />;
        });
      }
      break;
    }
    default:
      what = entry.kind;
  }

  return (
    <div className="flex gap-3">
      <span className={cn("mt-0.5 grid size-6 shrink-0 place-items-center rounded-full", tone)} aria-hidden>
        {icon}
      </span>
      <div className="min-w-0 flex-1 pb-1">
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">{actor}</span> {what}
        </p>
        {detail}
        <p className="mt-0.5 text-xs text-slate-500">
          <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
        </p>
      </div>
    </div>
  );
}
