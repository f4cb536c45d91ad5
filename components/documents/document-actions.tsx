"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import { copyDocumentAction, moveDocumentAction, publishDocumentAction, revokePublicLinkAction, trashDocumentAction } from "@/lib/documents/actions";

type Folder = { id: string; name: string; parentId: string | null };
type Mode = "move" | "copy" | "publish" | "trash" | null;

/**
 * A document's Actions: copy its public link (publishing it first, with an optional expiry), view,
 * download, move or copy to a folder, revoke the link, delete to the trash. A disclosure of plain
 * buttons and links (Tab and Enter), each consequential step in a modal dialog.
 */
export function DocumentActions({
  document,
  folders,
  canManage,
}: {
  document: { id: string; name: string; folderId: string | null; publicPath: string | null };
  folders: Folder[];
  canManage: boolean;
}) {
  const t = useTranslations("documents.actions");
  const message = useErrorMessage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !menu.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    window.addEventListener("keydown", close);
    return () => {
      window.removeEventListener("mousedown", close);
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  const ask = (next: Mode) => {
    setOpen(false);
    setError(null);
    setMode(next);
    requestAnimationFrame(() => dialog.current?.showModal());
  };

  const copyLink = async (path: string) => {
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t("linkCopied"));
    } catch {
      setStatus(t("linkIs", { url }));
    }
  };

  async function run<T>(action: (prev: null, input: Record<string, unknown>) => Promise<ActionResult<T>>, input: Record<string, unknown>, done?: (data: T) => void | Promise<void>) {
    setPending(true);
    setError(null);
    const result = await action(null, { documentId: document.id, ...input });
    setPending(false);
    if (!result.ok) return setError(result.fields && Object.values(result.fields)[0] ? Object.values(result.fields)[0] : result.error);
    dialog.current?.close();
    setMode(null);
    await done?.(result.data);
    router.refresh();
  }

  const item = "block w-full px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";
  const base = `/api/documents/${document.id}`;
  let body: ReactNode = null;
  if (mode === "move" || mode === "copy") {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const folderId = String(new FormData(e.currentTarget).get("folderId") ?? "");
          void run(mode === "move" ? moveDocumentAction : copyDocumentAction, { folderId }, () => setStatus(t(mode === "move" ? "moved" : "copied")));
        }}
      >
        <Label htmlFor={`${id}-folder`}>{t("folder")}</Label>
        <Select id={`${id}-folder`} name="folderId" defaultValue={mode === "move" ? (folders.find((f) => f.id !== document.folderId)?.id ?? "") : (document.folderId ?? "")}>
          <option value="">{t("topLevel")}</option>
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {f.parentId ? `— ${f.name}` : f.name}
            </option>
          ))}
        </Select>
        <Footer pending={pending} cancel={t("cancel")} confirm={t(mode === "move" ? "moveConfirm" : "copyConfirm")} onCancel={() => dialog.current?.close()} />
      </form>
    );
  } else if (mode === "publish") {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const expiresOn = String(new FormData(e.currentTarget).get("expiresOn") ?? "");
          void run(publishDocumentAction, { expiresOn }, (data) => copyLink(data.path));
        }}
      >
        <p className="mb-3 text-sm text-slate-600">{t("publishBody")}</p>
        <Label htmlFor={`${id}-expires`}>{t("expiresOn")}</Label>
        <Input id={`${id}-expires`} name="expiresOn" type="date" aria-describedby={`${id}-expires-hint`} />
        <p id={`${id}-expires-hint`} className="mt-1 text-xs text-slate-500">
          {t("expiresHint")}
        </p>
        <Footer pending={pending} cancel={t("cancel")} confirm={t("publishConfirm")} onCancel={() => dialog.current?.close()} />
      </form>
    );
  } else if (mode === "trash") {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(trashDocumentAction, {}, () => setStatus(t("trashed", { name: document.name })));
        }}
      >
        <p className="text-sm text-slate-600">{t("trashBody", { name: document.name })}</p>
        <Footer pending={pending} cancel={t("cancel")} confirm={t("trashConfirm")} danger onCancel={() => dialog.current?.close()} />
      </form>
    );
  }

  return (
    <div className="relative inline-block text-left" ref={menu}>
      <Button size="sm" variant="secondary" aria-expanded={open} aria-controls={`${id}-menu`} aria-label={t("label", { name: document.name })} onClick={() => setOpen((o) => !o)}>
        {t("button")}
      </Button>
      {open && (
        <div id={`${id}-menu`} className="absolute right-0 z-20 mt-1 w-56 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {canManage && (
            <button type="button" className={item} onClick={() => (document.publicPath ? (setOpen(false), void copyLink(document.publicPath)) : ask("publish"))}>
              {t("copyLink")}
            </button>
          )}
          <a className={item} href={base} target="_blank" rel="noopener noreferrer" onClick={() => setOpen(false)}>
            {t("view")}
          </a>
          <a className={item} href={`${base}?download=1`} download onClick={() => setOpen(false)}>
            {t("download")}
          </a>
          {canManage && (
            <>
              <button type="button" className={item} onClick={() => ask("move")}>
                {t("move")}
              </button>
              <button type="button" className={item} onClick={() => ask("copy")}>
                {t("copy")}
              </button>
              {document.publicPath && (
                <>
                  <button type="button" className={item} onClick={() => ask("publish")}>
                    {t("newLink")}
                  </button>
                  <button type="button" className={item} onClick={() => (setOpen(false), void run(revokePublicLinkAction, {}, () => setStatus(t("revoked"))))}>
                    {t("revoke")}
                  </button>
                </>
              )}
            </>
          )}
          <button type="button" className={`${item} text-red-700`} onClick={() => ask("trash")}>
            {t("trash")}
          </button>
        </div>
      )}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} onClose={() => setMode(null)} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-left shadow-xl backdrop:bg-slate-900/40">
        <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold text-slate-900">
          {mode && t(`${mode}Title`, { name: document.name })}
        </h2>
        {body}
        {error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {message(error)}
          </p>
        )}
      </dialog>
      {status && (
        <p role="status" className="mt-1 max-w-xs text-xs break-all text-green-800">
          {status}
        </p>
      )}
      {!mode && error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}

function Footer({ pending, cancel, confirm, danger, onCancel }: { pending: boolean; cancel: string; confirm: string; danger?: boolean; onCancel: () => void }) {
  return (
    <div className="mt-6 flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        {cancel}
      </Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending} aria-busy={pending}>
        {confirm}
      </Button>
    </div>
  );
}
