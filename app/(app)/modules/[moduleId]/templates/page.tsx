import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadTemplatesModule } from "@/components/templates/load-templates-module";
import { TemplateRowAction } from "@/components/templates/template-row-actions";
import { TemplatesFrame } from "@/components/templates/templates-frame";
import { TodoTemplateForm } from "@/components/templates/todo-template-form";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listFilterUsers } from "@/lib/cards/list-filter-users";
import { systemClock } from "@/lib/clock";
import { getOrganisation } from "@/lib/org/organisation";
import { listEmailTemplates } from "@/lib/templates/email-templates";
import { listTodoTemplates } from "@/lib/templates/todo-templates";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("title") };
}

/** A module's email templates (by category) and todo templates: managers and admins write them here. */
export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ moduleId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePermission("templates.manage");
  const { moduleId } = await params;
  const { saved } = await searchParams;
  const { db, config } = await loadTemplatesModule(moduleId);
  const ctx = { actor, db, now: systemClock.now() };
  const [emailTemplates, todoTemplates, users, org, t, tTypes, format] = await Promise.all([
    listEmailTemplates(ctx, config.id),
    listTodoTemplates(ctx, config.id),
    getLocale().then((l) => listFilterUsers(db, l)),
    getOrganisation(db),
    getTranslations("templates"),
    getTranslations("card.todos.types"),
    getFormatter(),
  ]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const savedTemplate = saved ? emailTemplates.find((e) => e.id === saved) : undefined;
  const byCategory = new Map<string, typeof emailTemplates>();
  for (const template of emailTemplates) byCategory.set(template.category, [...(byCategory.get(template.category) ?? []), template]);
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";

  return (
    <TemplatesFrame
      module={config}
      heading={t("heading", { module: config.name })}
      actions={
        <Link href={`/modules/${config.id}/templates/new`} className={buttonClass("primary", "sm")}>
          {t("newTemplate")}
        </Link>
      }
    >
      {savedTemplate && (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("saved", { name: savedTemplate.name })}
        </p>
      )}
      <div className="space-y-8">
        <section aria-labelledby="email-templates-heading">
          <h2 id="email-templates-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t("emailTemplates")}
          </h2>
          {emailTemplates.length === 0 ? (
            <EmptyState
              title={t("emptyTitle")}
              action={
                <Link href={`/modules/${config.id}/templates/new`} className={buttonClass("primary", "sm")}>
                  {t("newTemplate")}
                </Link>
              }
            >
              {t("emptyBody")}
            </EmptyState>
          ) : (
            <div className="space-y-4">
              {[...byCategory].map(([category, rows]) => (
                <Card key={category} className="overflow-hidden">
                  <h3 className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">{category || t("uncategorised")}</h3>
                  <div className="overflow-x-auto">
                    <table className="w-full text-sm">
                      <thead className="sr-only">
                        <tr>
                          <th className={th}>{t("list.name")}</th>
                          <th className={th}>{t("list.subject")}</th>
                          <th className={th}>{t("list.updated")}</th>
                          <th className={th}>{t("list.actions")}</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {rows.map((template) => (
                          <tr key={template.id}>
                            <td className="px-4 py-2.5">
                              <Link href={`/modules/${config.id}/templates/${template.id}`} className="font-medium text-brand-700 hover:underline">
                                {template.name}
                              </Link>
                            </td>
                            <td className="hidden max-w-md truncate px-4 py-2.5 text-slate-700 md:table-cell">{template.subject}</td>
                            <td className="hidden px-4 py-2.5 whitespace-nowrap text-slate-500 lg:table-cell">
                              {format.dateTime(template.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}
                            </td>
                            <td className="px-4 py-2 text-right">
                              <TemplateRowAction verb="trash" kind="email" id={template.id} name={template.name} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </Card>
              ))}
            </div>
          )}
        </section>

        <section aria-labelledby="todo-templates-heading">
          <h2 id="todo-templates-heading" className="mb-1 text-lg font-semibold text-slate-900">
            {t("todoTemplates")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("todoTemplatesHint")}</p>
          <Card className="overflow-hidden">
            {todoTemplates.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-500">{t("todo.none")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {todoTemplates.map((todo) => (
                  <li key={todo.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium text-slate-900">{todo.text}</span>
                      <span className="block text-xs text-slate-600">
                        {t("todo.summary", {
                          type: tTypes(todo.type),
                          days: todo.deadlineDays,
                          time: todo.deadlineTime,
                          assignee: todo.assigneeRule === "user" ? (userName.get(todo.assigneeId ?? "") ?? t("todo.inactiveUser")) : t("todo.rules.card_owner"),
                        })}
                      </span>
                    </span>
                    <span className="flex items-start gap-1">
                      <details className="group">
                        <summary className={`${buttonClass("ghost", "sm")} cursor-pointer list-none`} aria-label={t("todo.editLabel", { text: todo.text })}>
                          {t("todo.edit")}
                        </summary>
                        <div className="mt-2 w-[min(40rem,calc(100vw-4rem))] rounded-md border border-slate-200 bg-white p-4 shadow-sm">
                          <TodoTemplateForm key={todo.version} moduleId={config.id} users={users} existing={todo} />
                        </div>
                      </details>
                      <TemplateRowAction verb="trash" kind="todo" id={todo.id} name={todo.text} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="border-t border-slate-100 bg-slate-50/60 p-4">
              <TodoTemplateForm moduleId={config.id} users={users} />
            </div>
          </Card>
        </section>
      </div>
    </TemplatesFrame>
  );
}
