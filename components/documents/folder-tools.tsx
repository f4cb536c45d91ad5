"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, SubmitButton, TextField, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import { createFolderAction, renameFolderAction, trashFolderAction } from "@/lib/documents/actions";

/** "New folder": a name, and where (the top level, or inside a top-level folder). */
export function NewFolderForm({ moduleId, topFolders, parentId }: { moduleId: string; topFolders: { id: string; name: string }[]; parentId: string | null }) {
  const t = useTranslations("documents.folders");
  const id = useId();
  const { state, pending, onSubmit, formRef } = useFormAction(createFolderAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label={t("new")}>
      <input type="hidden" name="moduleId" value={moduleId} />
      <TextField label={t("name")} name="name" state={state} required maxLength={100} />
      <div>
        <Label htmlFor={`${id}-parent`}>{t("inside")}</Label>
        <Select id={`${id}-parent`} name="parentId" defaultValue={parentId ?? ""}>
          <option value="">{t("topLevel")}</option>
          {topFolders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </div>
      <FormMessage state={state} success={t("created")} />
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
    </form>
  );
}

/** The open folder's rename and delete (to the trash, with what it holds). */
export function FolderTools({ moduleId, folder }: { moduleId: string; folder: { id: string; name: string } }) {
  const t = useTranslations("documents.folders");
  const router = useRouter();
  const message = useErrorMessage();
  const rename = useFormAction(renameFolderAction);
  const trash = useFormAction(trashFolderAction);
  if (trash.state?.ok) router.replace(`/modules/${moduleId}/documents`);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form onSubmit={rename.onSubmit} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="folderId" value={folder.id} />
        <TextField key={folder.id} label={t("rename")} name="name" state={rename.state} defaultValue={folder.name} required maxLength={100} />
        <SubmitButton pending={rename.pending} variant="secondary">
          {t("save")}
        </SubmitButton>
      </form>
      <ConfirmDialog
        triggerLabel={t("trash")}
        triggerVariant="secondary"
        title={t("trashTitle", { name: folder.name })}
        confirmLabel={t("trashConfirm")}
        confirmVariant="danger"
        cancelLabel={t("cancel")}
        onConfirm={() => trash.run({ folderId: folder.id })}
      >
        {t("trashBody")}
      </ConfirmDialog>
      {rename.state && !rename.state.ok && !rename.state.fields?.name && <p role="alert" className="text-sm text-red-700">{message(rename.state.error)}</p>}
      {trash.state && !trash.state.ok && <p role="alert" className="text-sm text-red-700">{message(trash.state.error)}</p>}
    </div>
  );
}
