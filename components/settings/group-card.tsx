"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { archiveGroupAction, renameGroupAction, restoreGroupAction, setGroupMembersAction } from "@/app/(app)/settings/groups/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, TextField, type FormState, useFormAction } from "@/components/ui/form";
import type { GroupListItem } from "@/lib/groups/list-groups";
import { GroupCalendarForm } from "./group-calendar-form";
import { PendingButton } from "./pending-button";
import { fullName } from "./user-row";

export type MemberCandidate = { id: string; lastName: string; firstName: string; email: string; deactivated: boolean };

/** The time zones a group's calendar can choose from, and the organisation's (the default). */
export type CalendarChoices = { timeZones: string[]; organisationTimeZone: string };

export function GroupCard({ group, candidates, calendar }: { group: GroupListItem; candidates: MemberCandidate[]; calendar: CalendarChoices }) {
  const t = useTranslations("settings.groups");
  const cancel = useTranslations("settings.confirm")("cancel");
  const format = useFormatter();
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const rename = useFormAction(async (prev: unknown, input: FormData | Record<string, unknown>) => {
    const result = await renameGroupAction(prev, input);
    if (result.ok) setRenaming(false);
    return result;
  });
  const members = useFormAction(setGroupMembersAction);
  const archive = useFormAction(group.archivedAt ? restoreGroupAction : archiveGroupAction);
  const memberIds = new Set(group.members.map((m) => m.id));
  // Current members who were deactivated stay choosable, so saving does not drop them unasked.
  const choices = [...candidates.filter((c) => !c.deactivated), ...group.members.filter((m) => m.deactivated)];

  const feedback: { state: FormState; success?: string }[] = [
    { state: rename.state },
    { state: members.state, success: t("membersSaved") },
    { state: archive.state },
  ];

  return (
    <Card className="p-5">
      <section aria-labelledby={`${id}-name`}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h3 id={`${id}-name`} className="text-base font-semibold text-slate-900">
              {group.name}
            </h3>
            <p className="text-sm text-slate-500">
              {group.archivedAt ? t("archivedOn", { date: format.dateTime(group.archivedAt, { dateStyle: "medium" }) }) : t("memberCount", { count: group.memberCount })}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {group.archivedAt ? (
              <PendingButton type="button" size="sm" variant="secondary" pending={archive.pending} onClick={() => archive.run({ groupId: group.id })}>
                {t("restore")}
              </PendingButton>
            ) : (
              <>
                <Button size="sm" variant="secondary" aria-expanded={renaming} onClick={() => setRenaming((r) => !r)}>
                  {t("rename")}
                </Button>
                <ConfirmDialog
                  triggerLabel={t("archive")}
                  title={t("archiveTitle", { name: group.name })}
                  confirmLabel={t("archive")}
                  cancelLabel={cancel}
                  disabled={archive.pending}
                  onConfirm={() => archive.run({ groupId: group.id })}
                >
                  {t("archiveBody")}
                </ConfirmDialog>
              </>
            )}
          </div>
        </div>

        {renaming && !group.archivedAt && (
          <form onSubmit={rename.onSubmit} className="mt-3 flex flex-wrap items-start gap-2">
            <input type="hidden" name="groupId" value={group.id} />
            <div className="w-full max-w-xs">
              <TextField label={t("renameLabel", { name: group.name })} name="name" state={rename.state} defaultValue={group.name} required maxLength={100} autoFocus />
            </div>
            <PendingButton pending={rename.pending}>{t("saveName")}</PendingButton>
            <Button variant="ghost" onClick={() => setRenaming(false)}>
              {cancel}
            </Button>
          </form>
        )}

        {group.members.length > 0 ? (
          <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t("membersLegend", { name: group.name })}>
            {group.members.map((m) => (
              <li key={m.id} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
                {fullName(m)}
                {m.deactivated && <span className="text-slate-500"> ({t("deactivatedMember")})</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("noMembers")}</p>
        )}

        {!group.archivedAt && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">{t("editMembers")}</summary>
            <form onSubmit={members.onSubmit} className="mt-3 space-y-3">
              <input type="hidden" name="groupId" value={group.id} />
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-700">{t("membersLegend", { name: group.name })}</legend>
                {choices.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("noUsers")}</p>
                ) : (
                  <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
                    {choices.map((user) => (
                      <label key={user.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
                        <input
                          type="checkbox"
                          name="userIds"
                          value={user.id}
                          defaultChecked={memberIds.has(user.id)}
                          className="size-4 rounded border-slate-300 accent-brand-600"
                        />
                        <span>
                          {fullName(user)}
                          {user.deactivated && <span className="text-slate-500"> ({t("deactivatedMember")})</span>}
                        </span>
                      </label>
                    ))}
                  </div>
                )}
              </fieldset>
              <PendingButton size="sm" pending={members.pending}>
                {t("saveMembers")}
              </PendingButton>
            </form>
          </details>
        )}

        {!group.archivedAt && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">
              <span>{t("editCalendar")}</span>
              <span className="ml-2 font-normal text-slate-500">
                {t("calendarSummary", { zone: group.timeZone ?? calendar.organisationTimeZone, count: group.holidays.length })}
              </span>
            </summary>
            <GroupCalendarForm
              group={group}
              timeZones={calendar.timeZones}
              organisationTimeZone={calendar.organisationTimeZone}
            />
          </details>
        )}

        <div className="mt-3 space-y-2 empty:hidden">
          {feedback.map((f, i) => (
            <FormMessage key={i} state={f.state} success={f.success} />
          ))}
        </div>
      </section>
    </Card>
  );
}
