"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ProgressBar } from "./progress-bar";
import { uploadImport } from "./upload-import";
import { useErrorText } from "./use-import-text";

/**
 * The wizard's first step: a spreadsheet file (dropped or browsed; its upload has a progress bar) or rows
 * pasted from a spreadsheet. Once stored, the import's own page takes over (preview, mapping, …).
 */
export function ImportSource({ target, moduleId, maxBytes, basePath }: { target: "cards" | "contacts"; moduleId: string | null; maxBytes: number; basePath: string }) {
  const t = useTranslations("imports.source");
  const errorText = useErrorText();
  const router = useRouter();
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const ids = { hint: useId(), paste: useId(), pasteHint: useId(), error: useId() };
  const maxMb = Math.round(maxBytes / 1024 / 1024);

  const send = async (body: Blob, fileName: string, format: "file" | "paste") => {
    setError(null);
    if (body.size > maxBytes) return setError(t("tooLarge", { name: fileName, max: maxMb }));
    setUpload({ name: fileName, fraction: 0 });
    try {
      const importId = await uploadImport(body, { target, moduleId, fileName, format }, (fraction) => setUpload({ name: fileName, fraction }));
      setUpload({ name: fileName, fraction: 1 });
      router.push(`${basePath}/${importId}`);
    } catch (e) {
      setUpload(null);
      const code = e instanceof Error ? e.message : "upload_failed";
      setError(code === "upload_failed" ? t("failed") : code === "file_too_large" ? t("tooLarge", { name: fileName, max: maxMb }) : errorText(code));
      if (input.current) input.current.value = "";
    }
  };
  const busy = upload !== null;

  return (
    <Card className="p-4 sm:p-6">
      <div role="tablist" aria-label={t("heading")} className="mb-4 flex gap-1 border-b border-slate-200">
        {(["file", "paste"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", mode === m ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {t(m === "file" ? "fileTab" : "pasteTab")}
          </button>
        ))}
      </div>

      {mode === "file" ? (
        <div role="tabpanel" aria-label={t("fileTab")}>
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              const file = e.dataTransfer.files[0];
              if (file && !busy) void send(file, file.name, "file");
            }}
            className={cn("flex flex-col items-center rounded-lg border-2 border-dashed px-4 py-10 text-center", dragging ? "border-brand-500 bg-brand-50" : "border-slate-300")}
          >
            <p className="text-sm text-slate-700">
              {t("dropHere")}{" "}
              <label className="cursor-pointer font-medium text-brand-700 underline focus-within:outline-2 focus-within:outline-brand-600">
                {t("browse")}
                <input
                  ref={input}
                  type="file"
                  className="sr-only"
                  aria-label={t("choose")}
                  aria-describedby={ids.hint}
                  disabled={busy}
                  accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    if (file) void send(file, file.name, "file");
                  }}
                />
              </label>
            </p>
            <p id={ids.hint} className="mt-2 text-xs text-slate-600">
              {t("fileHint", { max: maxMb })}
            </p>
          </div>
        </div>
      ) : (
        <form
          role="tabpanel"
          aria-label={t("pasteTab")}
          onSubmit={(e) => {
            e.preventDefault();
            const lines = pasted.split(/\r?\n/).filter((l) => l.trim() !== "");
            if (lines.length < 2) return setError(t("pasteEmpty"));
            void send(new Blob([pasted], { type: "text/plain;charset=utf-8" }), "paste.tsv", "paste");
          }}
        >
          <label htmlFor={ids.paste} className="block text-sm font-medium text-slate-800">
            {t("pasteLabel")}
          </label>
          <p id={ids.pasteHint} className="mt-1 text-xs text-slate-600">
            {t("pasteHint")}
          </p>
          <textarea
            id={ids.paste}
            aria-describedby={ids.pasteHint}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={8}
            spellCheck={false}
            className="mt-2 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-500 focus:outline-none"
          />
          <Button type="submit" className="mt-3" disabled={busy || pasted.trim() === ""}>
            {t("pasteSubmit")}
          </Button>
        </form>
      )}

      {upload && (
        <div className="mt-4">
          <p className="mb-1 text-sm text-slate-700">{t("uploading", { name: upload.name })}</p>
          <ProgressBar label={t("progressLabel")} value={Math.round(upload.fraction * 100)} max={100} valueText={`${Math.round(upload.fraction * 100)}%`} />
        </div>
      )}
      {error && (
        <p id={ids.error} role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </Card>
  );
}
