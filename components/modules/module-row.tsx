"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { archiveModuleAction, renameModuleAction, restoreModuleAction } from "@/app/(app)/settings/modules/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, SubmitButton, TextField, useFormAction } from "@/components/ui/form";
import type { ModuleListItem } from "@/lib/modules/list-modules";
import { ReorderButtons, type useReorder } from "./reorder";

type Reorder = ReturnType<typeof useReorder>;

/** One module of the settings list: its name and counts, a link to its statuses and fields, and its actions. */
export function ModuleRow({ module, index, count, reorder }: { module: ModuleListItem; index?: number; count?: number; reorder?: Reorder }) {
  const t = useTranslations("modules.list");
  const format = useFormatter();
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const rename = useFormAction(async (prev: unknown, input: FormData) => {
    const result = await renameModuleAction(prev, input);
    if (result.ok) setRenaming(false);
    return result;
  });
  const archive = useFormAction(module.archivedAt ? restoreModuleAction : archiveModuleAction);

  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {reorder && index !== undefined && count !== undefined && (
          <ReorderButtons id={module.id} name={module.name} index={index} count={count} pending={reorder.pending} onMove={reorder.move} />
        )}
        <div className="min-w-0 flex-1 basis-48">
          <p id={`${id}-name`} className="truncate font-medium text-slate-900">
            <Link href={`/settings/modules/${module.id}`} className={module.archivedAt ? "text-slate-600 hover:underline" : "hover:text-brand-700 hover:underline"}>
              {module.name}
            </Link>
          </p>
          <p className="text-sm text-slate-500">
            {t("counts", { statuses: module.statusCount, fields: module.fieldCount })}
            {module.archivedAt && <> · {t("archivedOn", { date: format.dateTime(module.archivedAt, { dateStyle: "medium" }) })}</>}
          </p>
        </div>
        <div className="ml-auto flex flex-wrap gap-2">
          {module.archivedAt ? (
            <Button size="sm" variant="secondary" disabled={archive.pending} aria-busy={archive.pending} onClick={() => archive.run({ moduleId: module.id })}>
              {t("restore")}
              <span className="sr-only"> {module.name}</span>
            </Button>
          ) : (
            <>
              <Link href={`/settings/modules/${module.id}`} className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
                {t("configure")}
                <span className="sr-only"> {module.name}</span>
              </Link>
              <Button size="sm" variant="secondary" aria-expanded={renaming} onClick={() => setRenaming((r) => !r)}>
                {t("rename")}
                <span className="sr-only"> {module.name}</span>
              </Button>
              <ConfirmDialog
                triggerLabel={t("archive")}
                title={t("archiveTitle", { name: module.name })}
                confirmLabel={t("archive")}
                cancelLabel={t("cancel")}
                disabled={archive.pending}
                onConfirm={() => archive.run({ moduleId: module.id })}
              >
                {t("archiveBody")}
              </ConfirmDialog>
            </>
          )}
        </div>
      </div>

      {renaming && !module.archivedAt && (
        <form onSubmit={rename.onSubmit} noValidate className="mt-3 flex flex-wrap items-start gap-2">
          <input type="hidden" name="moduleId" value={module.id} />
          <div className="w-full max-w-xs">
            <TextField label={t("newName", { name: module.name })} name="name" state={rename.state} defaultValue={module.name} required maxLength={100} autoFocus />
          </div>
          <div className="flex gap-2 sm:pt-6">
            <SubmitButton pending={rename.pending}>{t("saveName")}</SubmitButton>
            <Button variant="ghost" onClick={() => setRenaming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
      <div className="mt-2 space-y-2 empty:hidden">
        <FormMessage state={rename.state} />
        <FormMessage state={archive.state} />
      </div>
    </li>
  );
}
