"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { archiveStatusAction, restoreStatusAction, updateStatusAction } from "@/app/(app)/settings/modules/actions";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { fieldError, FormMessage, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Input, Select } from "@/components/ui/input";
import { statusGroups } from "@/db/schema";
import type { StatusConfig } from "@/lib/modules/get-module-config";
import { ReorderButtons, type useReorder } from "./reorder";

type Reorder = ReturnType<typeof useReorder>;

/** One status of the pipeline: colour, name and group edited in place; moved up or down; archived or restored. */
export function StatusRow({ status, index, count, reorder }: { status: StatusConfig; index: number; count: number; reorder: Reorder }) {
  const t = useTranslations("modules.statuses");
  const message = useErrorMessage();
  const id = useId();
  const update = useFormAction(updateStatusAction);
  const archive = useFormAction(status.archived ? restoreStatusAction : archiveStatusAction);
  const nameError = fieldError(update.state, "name");

  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <ReorderButtons id={status.id} name={status.name} index={index} count={count} pending={reorder.pending} onMove={reorder.move} />
        {status.archived ? (
          <div className="flex min-w-0 flex-1 basis-48 flex-wrap items-center gap-2">
            <span className="size-6 shrink-0 rounded-full border border-slate-300" style={{ backgroundColor: status.color }} aria-hidden />
            <span className="min-w-0 truncate text-slate-500">{status.name}</span>
            <Badge>{t(`groups.${status.group}`)}</Badge>
            <Badge tone="amber">{t("archived")}</Badge>
          </div>
        ) : (
          // `contents`: the form's controls flow in the row itself, so they wrap as one line on small screens.
          <form onSubmit={update.onSubmit} noValidate className="contents">
            <input type="hidden" name="statusId" value={status.id} />
            <label htmlFor={`${id}-color`} className="sr-only">
              {t("colorOf", { name: status.name })}
            </label>
            <input
              id={`${id}-color`}
              type="color"
              name="color"
              defaultValue={status.color}
              title={t("colorOf", { name: status.name })}
              className="h-9 w-10 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
            />
            <div className="min-w-0 flex-1 basis-40">
              <label htmlFor={`${id}-name`} className="sr-only">
                {t("nameOf", { name: status.name })}
              </label>
              <Input
                id={`${id}-name`}
                name="name"
                defaultValue={status.name}
                required
                maxLength={100}
                autoComplete="off"
                aria-invalid={nameError ? true : undefined}
                aria-describedby={nameError ? `${id}-name-error` : undefined}
              />
            </div>
            <label htmlFor={`${id}-group`} className="sr-only">
              {t("groupOf", { name: status.name })}
            </label>
            <Select id={`${id}-group`} name="group" defaultValue={status.group} className="w-auto">
              {statusGroups.map((g) => (
                <option key={g} value={g}>
                  {t(`groups.${g}`)}
                </option>
              ))}
            </Select>
            <Button type="submit" size="sm" variant="secondary" disabled={update.pending} aria-busy={update.pending}>
              {t("save")}
              <span className="sr-only"> {status.name}</span>
            </Button>
          </form>
        )}
        <Button size="sm" variant="ghost" disabled={archive.pending} aria-busy={archive.pending} onClick={() => archive.run({ statusId: status.id })}>
          {status.archived ? t("restore") : t("archive")}
          <span className="sr-only"> {status.name}</span>
        </Button>
      </div>
      {nameError && (
        <p id={`${id}-name-error`} className="mt-1 text-xs text-red-700">
          {message(nameError)}
        </p>
      )}
      <div className="mt-2 space-y-2 empty:hidden">
        <FormMessage state={update.state} success={t("saved", { name: status.name })} />
        <FormMessage state={archive.state} />
      </div>
    </li>
  );
}
