"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type DragEvent } from "react";
import { useErrorMessage } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

type Upload = { key: string; name: string; size: number; loaded: number; state: "uploading" | "done" | "failed"; error?: string };

/** POSTs one file's raw bytes to the upload route, reporting progress; resolves with an error code or null. */
function send(url: string, file: File, onProgress: (loaded: number) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(null);
      try {
        resolve((JSON.parse(xhr.responseText) as { error?: string }).error ?? "unexpected");
      } catch {
        resolve(xhr.status === 413 ? "file_too_large" : "unexpected");
      }
    };
    xhr.onerror = () => resolve("network");
    xhr.send(file);
  });
}

/**
 * Drop files here or browse: several at once, each uploaded on its own with its own progress bar (the
 * raw bytes go to /api/documents, which streams them into the database). On the card page a folder
 * select says where in the module the files are filed.
 */
export function DocumentUploader({
  moduleId,
  folderId,
  cardId,
  folders,
  maxMb,
}: {
  moduleId: string;
  folderId?: string | null;
  cardId?: string;
  /** Offer a folder choice (the card page). */
  folders?: { id: string; name: string; parentId: string | null }[];
  maxMb: number;
}) {
  const t = useTranslations("documents.upload");
  const message = useErrorMessage();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const [target, setTarget] = useState(folderId ?? "");
  const id = useId();

  const start = (files: File[]) => {
    const query = new URLSearchParams({ moduleId });
    if (target) query.set("folderId", target);
    if (cardId) query.set("cardId", cardId);
    const batch = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads((u) => [...batch.map(({ file, key }) => ({ key, name: file.name, size: file.size, loaded: 0, state: "uploading" as const })), ...u].slice(0, 20));
    const update = (key: string, patch: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    void Promise.all(
      batch.map(async ({ file, key }) => {
        const error = file.size > maxMb * 1024 * 1024 ? "file_too_large" : await send(`/api/documents?${query}`, file, (loaded) => update(key, { loaded }));
        update(key, error ? { state: "failed", error } : { state: "done", loaded: file.size });
      }),
    ).then(() => router.refresh());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) start(files);
  };

  return (
    <div className="space-y-3">
      {folders && (
        <div>
          <Label htmlFor={`${id}-folder`}>{t("folder")}</Label>
          <Select id={`${id}-folder`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t("topLevel")}</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.parentId ? `— ${f.name}` : f.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={cn("rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm text-slate-600", over ? "border-brand-500 bg-brand-50" : "border-slate-300")}
      >
        <p>{t("drop")}</p>
        <button type="button" onClick={() => input.current?.click()} className="mt-2 font-medium text-brand-700 underline">
          {t("browse")}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          className="sr-only"
          aria-label={t("browse")}
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length) start(files);
          }}
        />
        <p className="mt-1 text-xs text-slate-500">{t("limit", { mb: maxMb })}</p>
      </div>
      {uploads.length > 0 && (
        <ul className="space-y-2" aria-label={t("progressList")}>
          {uploads.map((u) => {
            const percent = u.size ? Math.round((u.loaded / u.size) * 100) : 100;
            return (
              <li key={u.key} className="text-sm">
                <div className="flex justify-between gap-2">
                  <span className="truncate text-slate-800">{u.name}</span>
                  <span className={cn("shrink-0", u.state === "failed" ? "text-red-700" : "text-slate-600")}>
                    {u.state === "done" ? t("done") : u.state === "failed" ? t("failed") : `${percent}%`}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-label={t("progressOf", { name: u.name })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={u.state === "failed" ? 0 : percent}
                  className="mt-1 h-1.5 overflow-hidden rounded bg-slate-200"
                >
                  <div className={cn("h-full", u.state === "failed" ? "bg-red-500" : "bg-brand-600")} style={{ width: `${u.state === "failed" ? 100 : percent}%` }} />
                </div>
                {u.error && (
                  <p role="alert" className="mt-1 text-xs text-red-700">
                    {u.error === "network" ? t("network") : message(u.error)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
